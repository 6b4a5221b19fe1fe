package org.ecoplan.indicator.catalog;

import java.time.LocalDate;

/**
 * 下达文件: the city's document that assigned a 市级下达 target its number.
 *
 * @param documentNumber 文号, e.g. 岳环发〔2022〕12号
 * @param date the document's date
 */
public record Assignment(String documentNumber, LocalDate date) {
}

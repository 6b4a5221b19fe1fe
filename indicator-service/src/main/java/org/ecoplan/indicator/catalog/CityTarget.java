package org.ecoplan.indicator.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 市级下达指标: the figure the city assigned to one of the plan's 市级下达 targets, with the document that did.
 *
 * @param documentNumber 文号 of the city's document
 * @param date the document's date
 */
public record CityTarget(@NotNull BigDecimal value, @NotNull Direction direction,
        @NotBlank @Size(max = 100) String documentNumber, @NotNull LocalDate date) {
}

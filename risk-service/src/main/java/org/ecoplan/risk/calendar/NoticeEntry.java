package org.ecoplan.risk.calendar;

import java.time.LocalDate;

/**
 * One date a holiday notice names.
 *
 * @param festival the holiday it belongs to, e.g. {@code 春节}
 * @param notice the notice's document number, e.g. {@code 国办发明电〔2024〕12号}
 */
public record NoticeEntry(LocalDate date, DayKind kind, String festival, String notice) {
}

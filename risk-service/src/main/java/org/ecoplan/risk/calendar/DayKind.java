package org.ecoplan.risk.calendar;

/** What a State Council holiday notice says of a date. */
public enum DayKind {
    /** 放假: a day off, whatever weekday it falls on. */
    HOLIDAY,
    /** 调休上班: a Saturday or Sunday worked in exchange for a weekday off. */
    WORKDAY
}

package org.ecoplan.indicator.air;

import java.math.BigDecimal;

/**
 * A value of one of the plan's indicators computed from monitoring data by the standards, and where it came from.
 *
 * @param indicatorCode AIR-PM25 or AIR-GOOD-DAYS
 * @param year the year it is the value of
 * @param kind what computed it, {@code AIR_ANNUAL}
 * @param reference the station-year, e.g. {@code 城陵矶/2024}
 * @param link the API address of the annual result it was taken from
 */
public record DerivedObservation(String indicatorCode, int year, BigDecimal value, String source, String method,
        String kind, String reference, String link) {
}

package org.ecoplan.indicator.observation;

/**
 * Where a derived observation came from: e.g. kind {@code AIR_ANNUAL}, reference {@code 城陵矶/2024}, link
 * {@code /api/v1/air-quality/annual?station=城陵矶&year=2024}.
 *
 * @param kind the computation, in capitals
 * @param reference the data it was computed from; one derived observation per indicator, period and reference
 * @param link where the API shows the computation
 */
public record Derivation(String kind, String reference, String link) {
}

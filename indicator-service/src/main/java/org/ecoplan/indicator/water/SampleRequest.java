package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * A sample as reported for a site.
 *
 * @param date       sampling date, required
 * @param time       local sampling time, optional; with the date it tells samples of one site apart
 * @param parameters as for the classify endpoint
 */
record SampleRequest(LocalDate date, LocalTime time, Map<String, BigDecimal> parameters) {
}

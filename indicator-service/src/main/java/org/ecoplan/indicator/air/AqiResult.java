package org.ecoplan.indicator.air;

import java.util.List;
import java.util.Map;

/**
 * The air quality index of a set of concentrations (HJ 633-2012 §4).
 *
 * @param aqi the AQI, null when no pollutant has an IAQI
 * @param category its level, null with it
 * @param primaryPollutants 首要污染物: the pollutants whose IAQI equals the AQI, named only when the AQI is above 50
 * @param iaqi each pollutant's IAQI, the highest of its daily-report items that count
 * @param itemIaqi the IAQI of every item with a value, also the hourly-report items that do not count for the day
 * @param notComputed items whose IAQI a note to Table 1 forbids computing, with the note's clause
 * @param aboveScale pollutants with a concentration beyond the top of Table 1, reported at IAQI 500
 * @param missing pollutants without any value of a daily-report item
 * @param unresolved pollutants whose IAQI a note sends to an item that has no value (O3 8 h above 800 without
 *        the 1 h value): their IAQI cannot be stated, so the AQI is not either
 */
public record AqiResult(Integer aqi, AqiCategory category, List<Pollutant> primaryPollutants,
        Map<Pollutant, Integer> iaqi, Map<AqiItem, Integer> itemIaqi, Map<AqiItem, String> notComputed,
        List<Pollutant> aboveScale, List<Pollutant> missing, List<Pollutant> unresolved) {
}

package org.ecoplan.indicator.air;

import java.time.LocalDate;
import java.util.Map;

/**
 * 日评价 One station-day evaluated.
 *
 * @param valid whether every pollutant has a valid daily value, which a day needs to count in the good-day ratio
 * @param concentrations the valid daily values: 24 h means, O3 daily maximum 8 h and 1 h means
 * @param hourlyValues how many hourly values each pollutant had
 * @param validO3Windows how many of the day's 17 O3 8 h windows had enough hourly values
 * @param aqi the day's AQI, null when the day is not valid
 */
public record DailyAirQuality(LocalDate date, boolean valid, ItemConcentrations concentrations,
        Map<Pollutant, Integer> hourlyValues, int validO3Windows, AqiResult aqi) {
}

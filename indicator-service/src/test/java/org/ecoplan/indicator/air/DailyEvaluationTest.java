package org.ecoplan.indicator.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyEvaluationTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 15);

    private final DailyEvaluation evaluation = new DailyEvaluation(AirStandards.load());

    @Test
    void aFullDayOfTheIssuesExampleIsValidAndAqi75() {
        DailyAirQuality result = evaluation.evaluate(fullDay("12", "40", "80", "55", "0.9", "120"));

        assertThat(result.valid()).isTrue();
        assertThat(result.concentrations().concentration(AqiItem.PM2_5_24H)).isEqualByComparingTo("55");
        assertThat(result.concentrations().concentration(AqiItem.CO_24H)).isEqualByComparingTo("0.9");
        assertThat(result.concentrations().concentration(AqiItem.O3_8H)).isEqualByComparingTo("120");
        assertThat(result.concentrations().concentration(AqiItem.O3_1H)).isEqualByComparingTo("120");
        assertThat(result.validO3Windows()).isEqualTo(17);
        assertThat(result.aqi().aqi()).isEqualTo(75);
        assertThat(result.aqi().primaryPollutants()).containsExactly(Pollutant.PM2_5);
    }

    @ParameterizedTest(name = "{0} hourly values: valid {1}")
    @CsvSource({ "24, true", "20, true", "19, false", "0, false" })
    void aPollutantsDailyMeanNeedsTwentyHourlyValues(int hours, boolean valid) {
        DayOfHours day = fullDay("12", "40", "80", "55", "0.9", "120");
        for (int hour = hours; hour < 24; hour++) {
            day.put(hour, Pollutant.CO, null);
        }

        DailyAirQuality result = evaluation.evaluate(day);

        assertThat(result.concentrations().has(AqiItem.CO_24H)).isEqualTo(valid);
        assertThat(result.hourlyValues()).containsEntry(Pollutant.CO, hours);
        assertThat(result.valid()).as("the day needs every pollutant").isEqualTo(valid);
        assertThat(result.aqi() != null).isEqualTo(valid);
        assertThat(result.concentrations().concentration(AqiItem.PM2_5_24H)).as("judged per pollutant")
            .isEqualByComparingTo("55");
    }

    @ParameterizedTest(name = "PM2.5 hours summing to {0} over 20: {1}")
    @CsvSource({ "710, 36", "730, 36", "731, 37", "690, 34", "711, 36" })
    void dailyMeansAreRoundedOnceHalfToEven(int sum, int reported) {
        // 20 hours: 19 of 35 and one making up the sum; 710 / 20 = 35.5 -> 36, 730 / 20 = 36.5 -> 36
        DayOfHours day = fullDay("12", "40", "80", "55", "0.9", "120");
        for (int hour = 0; hour < 24; hour++) {
            day.put(hour, Pollutant.PM2_5, hour < 19 ? new BigDecimal("35") : null);
        }
        day.put(19, Pollutant.PM2_5, BigDecimal.valueOf(sum - 19 * 35));

        assertThat(evaluation.evaluate(day).concentrations().reported(AqiItem.PM2_5_24H)).isEqualTo(reported);
    }

    @Test
    void o3DailyMaximumEightHourIsTheBestWindowEndingByMidnight() {
        DayOfHours day = fullDay("12", "40", "80", "55", "0.9", "0");
        for (int hour = 0; hour < 24; hour++) {
            day.put(hour, Pollutant.O3, BigDecimal.valueOf(hour * 10L));
        }

        DailyAirQuality result = evaluation.evaluate(day);

        // window 16..23: (160 + ... + 230) / 8 = 195
        assertThat(result.concentrations().reported(AqiItem.O3_8H)).isEqualTo(195);
        assertThat(result.concentrations().reported(AqiItem.O3_1H)).isEqualTo(230);
    }

    @Test
    void o3WindowsStartAtMidnightAndDoNotReachIntoTheDayBefore() {
        DayOfHours day = fullDay("12", "40", "80", "55", "0.9", "20");
        for (int hour = 0; hour < 8; hour++) {
            day.put(hour, Pollutant.O3, new BigDecimal("100"));
        }

        // the window of hours 0..7 is the first and the highest
        assertThat(evaluation.evaluate(day).concentrations().reported(AqiItem.O3_8H)).isEqualTo(100);
    }

    @ParameterizedTest(name = "O3 missing from hour {0}: {1} valid windows, valid {2}")
    @CsvSource({ "19, 14, true", "18, 13, false", "24, 17, true" })
    void o3NeedsFourteenWindowsOfAtLeastSixHours(int missingFrom, int windows, boolean valid) {
        DayOfHours day = fullDay("12", "40", "80", "55", "0.9", "120");
        for (int hour = missingFrom; hour < 24; hour++) {
            day.put(hour, Pollutant.O3, null);
        }

        DailyAirQuality result = evaluation.evaluate(day);

        assertThat(result.validO3Windows()).isEqualTo(windows);
        assertThat(result.concentrations().has(AqiItem.O3_8H)).isEqualTo(valid);
        assertThat(result.concentrations().has(AqiItem.O3_1H)).isEqualTo(valid);
        assertThat(result.valid()).isEqualTo(valid);
    }

    @Test
    void aWindowWithSixHoursIsAveragedOverThoseSix() {
        DayOfHours day = fullDay("12", "40", "80", "55", "0.9", "10");
        // hours 16..23 hold 100 but 16 and 17 are missing: that window has six values and a mean of 100
        for (int hour = 16; hour < 24; hour++) {
            day.put(hour, Pollutant.O3, hour < 18 ? null : new BigDecimal("100"));
        }

        assertThat(evaluation.evaluate(day).concentrations().reported(AqiItem.O3_8H)).isEqualTo(100);
    }

    @Test
    void theDailyMaximumOneHourO3ComesIntoTheAqi() {
        DayOfHours day = fullDay("12", "40", "80", "55", "0.9", "120");
        day.put(12, Pollutant.O3, new BigDecimal("250"));

        DailyAirQuality result = evaluation.evaluate(day);

        // 8 h windows over hour 12 rise to (7 × 120 + 250) / 8 = 136.25 -> 136, IAQI 80; 1 h 250 -> IAQI 125
        assertThat(result.concentrations().reported(AqiItem.O3_8H)).isEqualTo(136);
        assertThat(result.aqi().iaqi()).containsEntry(Pollutant.O3, 125);
        assertThat(result.aqi().aqi()).isEqualTo(125);
    }

    static DayOfHours fullDay(String so2, String no2, String pm10, String pm25, String co, String o3) {
        DayOfHours day = new DayOfHours(DAY);
        for (int hour = 0; hour < 24; hour++) {
            day.put(hour, Pollutant.SO2, new BigDecimal(so2))
                .put(hour, Pollutant.NO2, new BigDecimal(no2))
                .put(hour, Pollutant.PM10, new BigDecimal(pm10))
                .put(hour, Pollutant.PM2_5, new BigDecimal(pm25))
                .put(hour, Pollutant.CO, new BigDecimal(co))
                .put(hour, Pollutant.O3, new BigDecimal(o3));
        }
        return day;
    }
}

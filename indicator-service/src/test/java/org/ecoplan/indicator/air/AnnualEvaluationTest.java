package org.ecoplan.indicator.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnualEvaluationTest {

    private static final AirStandards STANDARDS = AirStandards.load();

    private final DailyEvaluation daily = new DailyEvaluation(STANDARDS);

    private final AnnualEvaluation annual = new AnnualEvaluation(STANDARDS);

    @Test
    void aCleanYearIsCompliantWithEveryDayGood() {
        AnnualAirQuality year = evaluate(2024, date -> "35", date -> true);

        assertThat(year.validDays()).isEqualTo(366);
        assertThat(year.goodDays()).isEqualTo(366);
        assertThat(year.goodDayRatio()).isEqualByComparingTo("100.0");
        assertThat(year.goodDayRatioValid()).isTrue();
        AnnualAirQuality.PollutantYear pm25 = year.pollutants().get(Pollutant.PM2_5);
        assertThat(pm25.value()).isEqualByComparingTo("35");
        assertThat(pm25.limit()).isEqualByComparingTo("35");
        assertThat(pm25.compliant()).isTrue();
        assertThat(pm25.exceedanceDays()).isZero();
        assertThat(year.pollutants().get(Pollutant.CO).value()).isEqualByComparingTo("0.9");
        assertThat(year.pollutants().get(Pollutant.O3).value()).isEqualByComparingTo("120");
        assertThat(year.compliant()).isTrue();
        assertThat(year.standards()).extracting(StandardEdition::code)
            .containsExactly("GB 3095-2012", "GB 3095-2012", "HJ 663-2013");
    }

    @Test
    void pollutedDaysLowerTheGoodDayRatioAndCountAsExceedances() {
        // 30 days of PM2.5 at 76 (IAQI 102, above the 24 h limit 75), 5 at 75 (IAQI 100, within), 330 at 30
        AnnualAirQuality year = evaluate(2023,
                date -> date.getDayOfYear() <= 30 ? "76" : date.getDayOfYear() <= 35 ? "75" : "30", date -> true);

        assertThat(year.validDays()).isEqualTo(365);
        assertThat(year.goodDays()).isEqualTo(335);
        // 335 / 365 = 91.78 % -> 91.8
        assertThat(year.goodDayRatio()).isEqualByComparingTo("91.8");
        assertThat(year.pollutants().get(Pollutant.PM2_5).exceedanceDays()).isEqualTo(30);
        // (30 × 76 + 5 × 75 + 330 × 30) / 365 = 12555 / 365 = 34.4 -> 34
        assertThat(year.pollutants().get(Pollutant.PM2_5).value()).isEqualByComparingTo("34");
        assertThat(year.pollutants().get(Pollutant.PM2_5).compliant()).isTrue();
    }

    @ParameterizedTest(name = "{0}: PM2.5 mean 32 against {1} is compliant {2}")
    @CsvSource({ "2025, 35, true, IN_FORCE", "2026, 30, false, DRAFT", "2031, 25, false, DRAFT" })
    void theYearSelectsTheLimits(int yearNumber, int limit, boolean compliant, StandardEdition.Status status) {
        AnnualAirQuality year = evaluate(yearNumber, date -> "32", date -> true);

        AnnualAirQuality.PollutantYear pm25 = year.pollutants().get(Pollutant.PM2_5);
        assertThat(pm25.limit()).isEqualByComparingTo(BigDecimal.valueOf(limit));
        assertThat(pm25.compliant()).isEqualTo(compliant);
        assertThat(year.standards().get(0).status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} days kept in {1}: valid {2}")
    @CsvSource({ "27, MARCH, true", "26, MARCH, false", "25, FEBRUARY, true", "24, FEBRUARY, false" })
    void everyMonthNeedsItsShareOfDailyValues(int kept, Month month, boolean valid) {
        AnnualAirQuality year = evaluate(2023, date -> "30",
                date -> date.getMonth() != month || date.getDayOfMonth() <= kept);

        assertThat(year.pollutants().get(Pollutant.PM2_5).valid()).isEqualTo(valid);
        assertThat(year.pollutants().get(Pollutant.PM2_5).compliant()).isEqualTo(valid ? Boolean.TRUE : null);
        assertThat(year.goodDayRatioValid()).isEqualTo(valid);
        assertThat(year.compliant()).isEqualTo(valid ? Boolean.TRUE : null);
    }

    @Test
    void aYearNeeds324DailyValues() {
        // the first 27 days of every month: 12 × 27 = 324
        AnnualAirQuality exactly = evaluate(2023, date -> "30", date -> date.getDayOfMonth() <= 27);
        assertThat(exactly.validDays()).isEqualTo(324);
        assertThat(exactly.goodDayRatioValid()).isTrue();

        AnnualAirQuality fewer = evaluate(2023, date -> "30",
                date -> date.getDayOfMonth() <= 27 && !date.equals(LocalDate.of(2023, 2, 27)));
        assertThat(fewer.validDays()).isEqualTo(323);
        assertThat(fewer.goodDayRatioValid()).isFalse();
        assertThat(fewer.pollutants().get(Pollutant.PM2_5).valid()).isFalse();
    }

    @Test
    void anExceedingValidStatisticMakesTheYearNonCompliantEvenWithOthersMissing() {
        AnnualAirQuality year = evaluate(2023, date -> "40", date -> date.getMonth() != Month.JULY);

        assertThat(year.pollutants().get(Pollutant.PM2_5).valid()).isFalse();
        assertThat(year.compliant()).isNull();

        AnnualAirQuality polluted = evaluate(2023, date -> "40", date -> true);
        assertThat(polluted.compliant()).isFalse();
    }

    private AnnualAirQuality evaluate(int year, Function<LocalDate, String> pm25, Predicate<LocalDate> withData) {
        List<DailyAirQuality> days = new ArrayList<>();
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            DayOfHours day = new DayOfHours(date);
            if (withData.test(date)) {
                DayOfHours full = DailyEvaluationTest.fullDay("12", "40", "60", pm25.apply(date), "0.9", "120");
                for (int hour = 0; hour < 24; hour++) {
                    for (Pollutant pollutant : Pollutant.values()) {
                        day.put(hour, pollutant, full.value(pollutant, hour));
                    }
                }
            }
            days.add(daily.evaluate(day));
        }
        return annual.evaluate(year, days, AreaClass.CLASS_2);
    }
}

package org.ecoplan.indicator.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class AirStandardsTest {

    private static final AirStandards STANDARDS = AirStandards.load();

    @ParameterizedTest(name = "{0} {1}: Class I {2}, Class II {3} {4} throughout the plan period")
    @CsvFileSource(resources = "/standards/gb3095-2012-limits.csv", numLinesToSkip = 1)
    void thePlanPeriodIsJudgedByEveryLimitOfGb3095Of2012(String pollutant, String averaging, BigDecimal classOne,
            BigDecimal classTwo, String unit) {
        for (int year = 2021; year <= 2025; year++) {
            AirLimits limits = STANDARDS.limitsOn(LocalDate.of(year, 12, 31));
            assertThat(limits.edition().code()).isEqualTo("GB 3095-2012");
            assertThat(limits.limit(Pollutant.ofCode(pollutant), Averaging.ofCode(averaging), AreaClass.CLASS_1))
                .isEqualByComparingTo(classOne);
            assertThat(limits.limit(Pollutant.ofCode(pollutant), Averaging.ofCode(averaging), AreaClass.CLASS_2))
                .isEqualByComparingTo(classTwo);
        }
    }

    @ParameterizedTest(name = "{0}: PM2.5 Class II annual {1}, 24 h {2} ({3})")
    @CsvSource({ "2025-12-31, 35, 75, IN_FORCE", "2026-01-01, 30, 60, DRAFT", "2030-12-31, 30, 60, DRAFT",
            "2031-01-01, 25, 50, DRAFT", "2040-06-30, 25, 50, DRAFT" })
    void theDateSelectsThePm25LimitsAndDraftsAreMarked(LocalDate date, int annual, int daily,
            StandardEdition.Status status) {
        AirLimits limits = STANDARDS.limitsOn(date);

        assertThat(limits.limit(Pollutant.PM2_5, Averaging.YEAR, AreaClass.CLASS_2)).isEqualByComparingTo(
                BigDecimal.valueOf(annual));
        assertThat(limits.limit(Pollutant.PM2_5, Averaging.DAY, AreaClass.CLASS_2)).isEqualByComparingTo(
                BigDecimal.valueOf(daily));
        assertThat(limits.edition().status()).isEqualTo(status);
    }

    @Test
    void theDraftsChangeOnlyPm25() {
        AirLimits draft = STANDARDS.limitsOn(LocalDate.of(2027, 1, 1));

        assertThat(draft.edition().amends()).isEqualTo("GB 3095-2012");
        assertThat(draft.limit(Pollutant.PM10, Averaging.YEAR, AreaClass.CLASS_2)).isEqualByComparingTo("70");
        assertThat(draft.limit(Pollutant.O3, Averaging.EIGHT_HOURS, AreaClass.CLASS_2)).isEqualByComparingTo("160");
        assertThat(draft.limit(Pollutant.CO, Averaging.YEAR, AreaClass.CLASS_2)).isNull();
    }

    @Test
    void beforeGb3095Of2012TookEffectNoTableIsInForce() {
        assertThatThrownBy(() -> STANDARDS.limitsOn(LocalDate.of(2015, 12, 31)))
            .isInstanceOf(StandardNotInForceException.class)
            .hasMessage("No edition of GB 3095 (limits) is in force on 2015-12-31");
        assertThatThrownBy(() -> STANDARDS.aqiOn(LocalDate.of(2015, 12, 31)))
            .isInstanceOf(StandardNotInForceException.class);
    }

    @Test
    void everyEditionStatesItsSource() {
        assertThat(STANDARDS.limitEditions()).allSatisfy(limits -> {
            assertThat(limits.edition().source()).contains("GB 3095");
            assertThat(limits.edition().effectiveFrom()).isNotNull();
        });
        assertThat(STANDARDS.aqiOn(LocalDate.of(2024, 1, 1)).table().edition().source()).contains("Table 1");
    }

    @Test
    void dataValidityAndTheAnnualMethodComeFromTheirFiles() {
        DataValidity validity = STANDARDS.validityOn(LocalDate.of(2024, 1, 1));
        assertThat(validity).extracting(DataValidity::hoursPerDay, DataValidity::hoursPerWindow,
                DataValidity::windowsPerDay, DataValidity::daysPerYear, DataValidity::daysPerMonth,
                DataValidity::daysInFebruary)
            .containsExactly(20, 6, 14, 324, 27, 25);

        AnnualMethod method = STANDARDS.annualMethodOn(LocalDate.of(2024, 1, 1));
        assertThat(method.statistics().get(Pollutant.CO).percentile()).isEqualByComparingTo("95");
        assertThat(method.statistics().get(Pollutant.O3).dailyItem()).isEqualTo(AqiItem.O3_8H);
        assertThat(method.statistics().get(Pollutant.PM2_5).kind()).isEqualTo(AnnualMethod.Kind.MEAN);
    }
}

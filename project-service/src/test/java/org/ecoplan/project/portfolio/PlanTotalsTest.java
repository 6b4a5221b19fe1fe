package org.ecoplan.project.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.portfolio.Portfolio.Availability;
import org.ecoplan.project.portfolio.Portfolio.PlanIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanTotalsTest {

    /**
     * Rows: the indicator's unit, target value and direction, the projects' expected and achieved t/a, then the
     * target in tonnes and the two shares in percent (none: null).
     */
    @ParameterizedTest(name = "{1} {0} {2}: {3} and {4} t/a")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            万吨 | 0.005 | HIGHER_IS_BETTER | 60    | 42  | 50     | 120.0 | 84.0
            万吨 | 0.12  | HIGHER_IS_BETTER | 155   | 0   | 1200   | 12.9  | 0.0
            万吨 | 1.5   | HIGHER_IS_BETTER | 0     | 0   | 15000  | 0.0   | 0.0
            万吨 | 0.12  | LOWER_IS_BETTER  | 155   | 10  | 1200   | none  | none
            吨   | 200   | HIGHER_IS_BETTER | 60    | 42  | 200    | 30.0  | 21.0
            t    | 0.5   | HIGHER_IS_BETTER | 1     | 0.5 | 0.5    | 200.0 | 100.0
            万吨 | 0     | HIGHER_IS_BETTER | 60    | 42  | 0      | none  | none
            """)
    void convertsTheCityFigureToTonnesAndSetsTheReductionsAgainstIt(String unit, BigDecimal value, String direction,
            BigDecimal expected, BigDecimal achieved, BigDecimal tonnes, BigDecimal expectedShare,
            BigDecimal achievedShare) {
        PlanIndicator indicator = PlanTotals.indicator("EMISSION-COD",
                found(unit, new PlanIndicatorDetail.Target(2025, "ASSIGNED_BY_CITY", value, direction, "市级下达指")),
                expected, achieved);

        assertThat(indicator.status()).isEqualTo(Availability.AVAILABLE);
        assertThat(indicator.target().value().amount()).isEqualByComparingTo(value);
        assertThat(indicator.target().value().unit()).isEqualTo(unit);
        assertThat(indicator.target().tonnes().amount()).isEqualByComparingTo(tonnes);
        assertThat(indicator.target().tonnes().unit()).isEqualTo("t");
        assertThat(indicator.expectedShare()).isEqualTo(expectedShare);
        assertThat(indicator.achievedShare()).isEqualTo(achievedShare);
    }

    @Test
    void aTargetTheCityHasNotGivenIsShownWithoutFigureOrShare() {
        PlanIndicator indicator = PlanTotals.indicator("EMISSION-NH3N",
                found("万吨", new PlanIndicatorDetail.Target(2025, "ASSIGNED_BY_CITY", null, null, "市级下达指")),
                BigDecimal.TEN, BigDecimal.ONE);

        assertThat(indicator.status()).isEqualTo(Availability.AVAILABLE);
        assertThat(indicator.name().zh()).isEqualTo("化学需氧量");
        assertThat(indicator.targetType()).isEqualTo("ASSIGNED_BY_CITY");
        assertThat(indicator.targetText()).isEqualTo("市级下达指");
        assertThat(indicator.target()).isNull();
        assertThat(indicator.expectedShare()).isNull();
        assertThat(indicator.achievedShare()).isNull();
    }

    @Test
    void aUnitThatIsNoMassMakesTheIndicatorUnavailable() {
        PlanIndicator indicator = PlanTotals.indicator("EMISSION-COD",
                found("%", new PlanIndicatorDetail.Target(2025, "ASSIGNED_BY_CITY", BigDecimal.ONE, "HIGHER_IS_BETTER",
                        "市级下达指")),
                BigDecimal.TEN, BigDecimal.ONE);

        assertThat(indicator.status()).isEqualTo(Availability.UNAVAILABLE);
        assertThat(indicator.reason().en()).isEqualTo("the indicator's unit % does not convert to tonnes");
        assertThat(indicator.target()).isNull();
    }

    @Test
    void anUnavailableIndicatorKeepsItsCodeAndReason() {
        LocalizedName reason = new LocalizedName("指标服务答复 HTTP 503", "indicator-service answered HTTP 503");

        PlanIndicator indicator = PlanTotals.indicator("EMISSION-NOX", new IndicatorAnswer.Unavailable(reason),
                BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(indicator).isEqualTo(new PlanIndicator("EMISSION-NOX", Availability.UNAVAILABLE, reason, null, null,
                null, null, null, null));
    }

    private static IndicatorAnswer found(String unit, PlanIndicatorDetail.Target target) {
        return new IndicatorAnswer.Found(new PlanIndicatorDetail("EMISSION-COD",
                new LocalizedName("化学需氧量", "Chemical oxygen demand (COD) emissions"), unit, target));
    }
}

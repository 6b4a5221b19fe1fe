package org.ecoplan.indicator.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.indicator.water.WaterClassTest.values;
import static org.ecoplan.indicator.water.WaterQualityClass.III;
import static org.ecoplan.indicator.water.WaterQualityClass.IV;
import static org.ecoplan.indicator.water.WaterQualityClass.V;
import static org.ecoplan.indicator.water.WaterQualityClass.WORSE_THAN_V;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ecoplan.indicator.water.AnnualEvaluation.AnnualClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnualEvaluationTest {

    private static final Gb3838Table TABLE = Gb3838Table.load();

    private final AnnualEvaluation annual = new AnnualEvaluation(
            WaterClass.perEvaluationMethod(TABLE, EvaluationIndicators.load()));

    /**
     * By hand: TP means (0.04 + 0.05 + 0.07) / 3 = 0.05333 > 0.05, Class IV for a lake; NH3-N (0.9 + 1.2 + 0.6) / 3
     * = 0.9, Class III; DO (5.5 + 6.5) / 2 = 6, Class II (the third sample did not measure it); TN (1.8 + 2.4 + 2.1)
     * / 3 = 2.1, worse than V but only a reference indicator.
     */
    @Test
    void classesTheMeanOfEachParameterOverTheYear() {
        AnnualClass lake = annual.evaluate(Waterbody.LAKE, List.of(
                values("tp", "0.04", "nh3n", "0.9", "do", "5.5", "tn", "1.8"),
                values("tp", "0.05", "nh3n", "1.2", "do", "6.5", "tn", "2.4"),
                values("tp", "0.07", "nh3n", "0.6", "tn", "2.1")));

        assertThat(lake.samples()).isEqualTo(3);
        assertThat(lake.means()).containsExactly(Map.entry("do", new BigDecimal("6")),
                Map.entry("nh3n", new BigDecimal("0.9")), Map.entry("tp", new BigDecimal("0.0533")),
                Map.entry("tn", new BigDecimal("2.1")));
        assertThat(lake.classification().waterClass()).isEqualTo(IV);
        assertThat(lake.classification().limitingParameters()).containsExactly("tp");
        assertThat(lake.classification().parameterClasses()).containsExactly(Map.entry("do", WaterQualityClass.II),
                Map.entry("nh3n", III), Map.entry("tp", IV));
        assertThat(lake.classification().referenceClasses()).containsExactly(Map.entry("tn", WORSE_THAN_V));
    }

    @Test
    void aMeanEqualToTheLimitMeetsIt() {
        AnnualClass lake = annual.evaluate(Waterbody.LAKE, List.of(values("tp", "0.04"), values("tp", "0.06")));

        assertThat(lake.means()).containsEntry("tp", new BigDecimal("0.05"));
        assertThat(lake.classification().waterClass()).isEqualTo(III);
    }

    /** GB/T 8170-2008 4.3.2 全数值比较法: 0.0500333… is above 0.05 although it rounds to it at two decimals. */
    @Test
    void theFullMeanNotARoundedOneIsComparedWithTheLimit() {
        AnnualClass lake = annual.evaluate(Waterbody.LAKE,
                List.of(values("tp", "0.05"), values("tp", "0.05"), values("tp", "0.0501")));

        assertThat(lake.means()).containsEntry("tp", new BigDecimal("0.050033"));
        assertThat(lake.classification().waterClass()).isEqualTo(IV);
    }

    /** By hand: pH (5.6 + 6.2 + 6.5) / 3 = 6.1, inside 6-9, although one sample alone was worse than V. */
    @Test
    void oneSampleOutsideThePHRangeDoesNotMakeTheYearWorseThanV() {
        AnnualClass river = annual.evaluate(Waterbody.RIVER,
                List.of(values("ph", "5.6", "cod", "16"), values("ph", "6.2", "cod", "19"), values("ph", "6.5", "cod", "22")));

        assertThat(river.means()).containsExactly(Map.entry("cod", new BigDecimal("19")),
                Map.entry("ph", new BigDecimal("6.1")));
        assertThat(river.classification().waterClass()).isEqualTo(III);
    }

    @Test
    void aRiversNitrogenIsAveragedButNotEvaluated() {
        AnnualClass river = annual.evaluate(Waterbody.RIVER,
                List.of(values("nh3n", "1.7", "tn", "4"), values("nh3n", "1.9", "tn", "5")));

        assertThat(river.means()).containsEntry("tn", new BigDecimal("4.5"));
        assertThat(river.classification().waterClass()).isEqualTo(V);
        assertThat(river.classification().notClassified()).containsExactly("tn");
        assertThat(river.classification().referenceClasses()).isEmpty();
    }

    @Test
    void aSiteWithoutSamplesIsNotAssessed() {
        assertThat(annual.evaluate(Waterbody.LAKE, List.of())).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1} %")
    @CsvSource(delimiter = '|', textBlock = """
            III IV V       | 0.0
            劣V III IV     | 33.3
            劣V 劣V III    | 66.7
            劣V            | 100.0
            II 劣V III IV V III 劣V | 28.6
            """)
    void shareOfSitesWorseThanVIsAPercentageToOneDecimal(String classes, BigDecimal share) {
        List<WaterQualityClass> annualClasses = Arrays.stream(classes.split(" "))
                .map(label -> Arrays.stream(WaterQualityClass.values()).filter(c -> c.label().equals(label))
                        .findFirst().orElseThrow())
                .toList();

        assertThat(AnnualEvaluation.worseThanVShare(annualClasses)).isEqualByComparingTo(share)
                .hasScaleOf(1);
    }

    @Test
    void noShareWithoutAssessedSites() {
        assertThat(AnnualEvaluation.worseThanVShare(List.of())).isNull();
    }
}

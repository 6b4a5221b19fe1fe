package org.ecoplan.indicator.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.ecoplan.indicator.water.WaterQualityClass.I;
import static org.ecoplan.indicator.water.WaterQualityClass.II;
import static org.ecoplan.indicator.water.WaterQualityClass.III;
import static org.ecoplan.indicator.water.WaterQualityClass.IV;
import static org.ecoplan.indicator.water.WaterQualityClass.V;
import static org.ecoplan.indicator.water.WaterQualityClass.WORSE_THAN_V;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecoplan.indicator.water.Gb3838Table.Waters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WaterClassTest {

    private static final Gb3838Table TABLE = Gb3838Table.load();

    private static final WaterClass STANDARD = WaterClass.perStandard(TABLE);

    private static final WaterClass EVALUATION_METHOD = WaterClass.perEvaluationMethod(TABLE,
            EvaluationIndicators.load());

    private static final List<WaterQualityClass> GRADED = List.of(I, II, III, IV, V);

    /**
     * Checked by hand against GB 3838-2002 表1: every limit of every parameter, at the limit (inclusive) and one
     * reporting step beyond it. Where two classes share a limit (COD and BOD5, I and II) the value is the better one.
     */
    @ParameterizedTest(name = "{1} = {2} in {0} waters is {3}")
    @CsvSource(textBlock = """
            ALL,            do,    9.0,   I
            ALL,            do,    7.5,   I
            ALL,            do,    7.49,  II
            ALL,            do,    6,     II
            ALL,            do,    5.99,  III
            ALL,            do,    5,     III
            ALL,            do,    4.99,  IV
            ALL,            do,    3,     IV
            ALL,            do,    2.99,  V
            ALL,            do,    2,     V
            ALL,            do,    1.99,  劣V
            ALL,            do,    0,     劣V
            ALL,            codmn, 0,     I
            ALL,            codmn, 2,     I
            ALL,            codmn, 2.01,  II
            ALL,            codmn, 4,     II
            ALL,            codmn, 4.01,  III
            ALL,            codmn, 6,     III
            ALL,            codmn, 6.01,  IV
            ALL,            codmn, 10,    IV
            ALL,            codmn, 10.01, V
            ALL,            codmn, 15,    V
            ALL,            codmn, 15.01, 劣V
            ALL,            cod,   15,    I
            ALL,            cod,   15.1,  III
            ALL,            cod,   20,    III
            ALL,            cod,   20.1,  IV
            ALL,            cod,   30,    IV
            ALL,            cod,   30.1,  V
            ALL,            cod,   40,    V
            ALL,            cod,   40.1,  劣V
            ALL,            bod5,  3,     I
            ALL,            bod5,  3.1,   III
            ALL,            bod5,  4,     III
            ALL,            bod5,  4.1,   IV
            ALL,            bod5,  6,     IV
            ALL,            bod5,  6.1,   V
            ALL,            bod5,  10,    V
            ALL,            bod5,  10.1,  劣V
            ALL,            nh3n,  0.15,  I
            ALL,            nh3n,  0.151, II
            ALL,            nh3n,  0.5,   II
            ALL,            nh3n,  0.501, III
            ALL,            nh3n,  1.0,   III
            ALL,            nh3n,  1.001, IV
            ALL,            nh3n,  1.5,   IV
            ALL,            nh3n,  1.501, V
            ALL,            nh3n,  2.0,   V
            ALL,            nh3n,  2.001, 劣V
            RIVER,          tp,    0.02,  I
            RIVER,          tp,    0.021, II
            RIVER,          tp,    0.1,   II
            RIVER,          tp,    0.101, III
            RIVER,          tp,    0.2,   III
            RIVER,          tp,    0.201, IV
            RIVER,          tp,    0.3,   IV
            RIVER,          tp,    0.301, V
            RIVER,          tp,    0.4,   V
            RIVER,          tp,    0.401, 劣V
            LAKE_RESERVOIR, tp,    0.01,  I
            LAKE_RESERVOIR, tp,    0.011, II
            LAKE_RESERVOIR, tp,    0.025, II
            LAKE_RESERVOIR, tp,    0.026, III
            LAKE_RESERVOIR, tp,    0.05,  III
            LAKE_RESERVOIR, tp,    0.051, IV
            LAKE_RESERVOIR, tp,    0.1,   IV
            LAKE_RESERVOIR, tp,    0.101, V
            LAKE_RESERVOIR, tp,    0.2,   V
            LAKE_RESERVOIR, tp,    0.201, 劣V
            LAKE_RESERVOIR, tn,    0.2,   I
            LAKE_RESERVOIR, tn,    0.201, II
            LAKE_RESERVOIR, tn,    0.5,   II
            LAKE_RESERVOIR, tn,    0.501, III
            LAKE_RESERVOIR, tn,    1.0,   III
            LAKE_RESERVOIR, tn,    1.001, IV
            LAKE_RESERVOIR, tn,    1.5,   IV
            LAKE_RESERVOIR, tn,    1.501, V
            LAKE_RESERVOIR, tn,    2.0,   V
            LAKE_RESERVOIR, tn,    2.001, 劣V
            ALL,            ph,    6,     I
            ALL,            ph,    5.99,  劣V
            ALL,            ph,    7.4,   I
            ALL,            ph,    9,     I
            ALL,            ph,    9.01,  劣V
            ALL,            ph,    0,     劣V
            ALL,            ph,    14,    劣V
            """)
    void classesEveryBoundaryInclusively(Waters waters, String parameter, BigDecimal value, String expected) {
        for (Waterbody waterbody : Waterbody.values()) {
            if (waters.apply(waterbody)) {
                Classification sample = STANDARD.classify(waterbody, Map.of(parameter, value));
                assertThat(sample.waterClass()).as(waterbody.name()).extracting(WaterQualityClass::label)
                        .isEqualTo(expected);
                assertThat(sample.limitingParameters()).containsExactly(parameter);
            }
        }
    }

    /** Every limit the data file holds: met at the limit itself, missed just beyond it. */
    @ParameterizedTest(name = "{0} ({4})")
    @CsvFileSource(resources = "/standards/gb3838-2002.csv", numLinesToSkip = 1)
    void everyLimitOfTheDataFileIsInclusive(String parameter, int item, String name, String unit, Waters waters,
            String criterion, String classI, String classII, String classIII, String classIV, String classV) {
        Gb3838Table.ParameterLimits limits = TABLE.limits(parameter, someWaterbody(waters)).orElseThrow();
        List<String> cells = List.of(classI, classII, classIII, classIV, classV);
        for (int k = 0; k < GRADED.size(); k++) {
            WaterQualityClass grade = GRADED.get(k);
            List<BigDecimal> ends = Arrays.stream(cells.get(k).split("~")).map(BigDecimal::new).toList();
            Map<BigDecimal, BigDecimal> beyondEachLimit = switch (criterion) {
                case "AT_LEAST" -> Map.of(ends.get(0), ends.get(0).subtract(STEP));
                case "AT_MOST" -> Map.of(ends.get(0), ends.get(0).add(STEP));
                default -> Map.of(ends.get(0), ends.get(0).subtract(STEP), ends.get(1), ends.get(1).add(STEP));
            };
            beyondEachLimit.forEach((limit, beyond) -> {
                assertThat(limits.classOf(limit)).as("%s at the class %s limit %s", parameter, grade, limit)
                        .isLessThanOrEqualTo(grade);
                assertThat(limits.classOf(beyond)).as("%s just beyond the class %s limit %s", parameter, grade, limit)
                        .isGreaterThan(grade);
            });
        }
    }

    private static final BigDecimal STEP = new BigDecimal("0.000001");

    private static Waterbody someWaterbody(Waters waters) {
        return Arrays.stream(Waterbody.values()).filter(waters::apply).findFirst().orElseThrow();
    }

    @Test
    void classifiesTheIssueExampleAsClassIIILimitedBySixParameters() {
        Map<String, BigDecimal> example = values("do", "6.2", "codmn", "4.5", "cod", "18", "bod5", "3.5", "nh3n",
                "0.8", "tp", "0.04", "tn", "0.9", "ph", "7.4");

        Classification lake = STANDARD.classify(Waterbody.LAKE, example);

        assertThat(lake.waterClass()).isEqualTo(III);
        assertThat(lake.limitingParameters()).containsExactly("codmn", "cod", "bod5", "nh3n", "tp", "tn");
        assertThat(lake.parameterClasses()).containsExactly(Map.entry("do", II), Map.entry("codmn", III),
                Map.entry("cod", III), Map.entry("bod5", III), Map.entry("nh3n", III), Map.entry("tp", III),
                Map.entry("tn", III), Map.entry("ph", I));
        assertThat(lake.notClassified()).isEmpty();
        assertThat(lake.referenceClasses()).isEmpty();
    }

    @Test
    void totalNitrogenDecidesALakeOrReservoirUnderTheStandard() {
        Map<String, BigDecimal> sample = values("do", "8", "tn", "1.6");

        for (Waterbody waterbody : List.of(Waterbody.LAKE, Waterbody.RESERVOIR)) {
            Classification classification = STANDARD.classify(waterbody, sample);
            assertThat(classification.waterClass()).isEqualTo(V);
            assertThat(classification.limitingParameters()).containsExactly("tn");
        }
    }

    @Test
    void totalNitrogenOfARiverIsKeptApartAndDecidesNothing() {
        Classification river = STANDARD.classify(Waterbody.RIVER, values("do", "8", "tn", "9.9"));

        assertThat(river.waterClass()).isEqualTo(I);
        assertThat(river.parameterClasses()).containsOnlyKeys("do");
        assertThat(river.notClassified()).containsExactly("tn");
    }

    @Test
    void theEvaluationMethodReportsLakeNitrogenApartAndIgnoresRiverNitrogen() {
        Map<String, BigDecimal> sample = values("do", "8", "tp", "0.04", "tn", "2.5");

        Classification lake = EVALUATION_METHOD.classify(Waterbody.LAKE, sample);
        assertThat(lake.waterClass()).isEqualTo(III);
        assertThat(lake.limitingParameters()).containsExactly("tp");
        assertThat(lake.referenceClasses()).containsExactly(Map.entry("tn", WORSE_THAN_V));
        assertThat(lake.parameterClasses()).doesNotContainKey("tn");

        Classification river = EVALUATION_METHOD.classify(Waterbody.RIVER, sample);
        assertThat(river.waterClass()).isEqualTo(II);
        assertThat(river.referenceClasses()).isEmpty();
        assertThat(river.notClassified()).containsExactly("tn");
    }

    @Test
    void totalPhosphorusIsStricterInLakesThanInRivers() {
        Map<String, BigDecimal> sample = values("tp", "0.08");

        assertThat(STANDARD.classify(Waterbody.RIVER, sample).waterClass()).isEqualTo(II);
        assertThat(STANDARD.classify(Waterbody.LAKE, sample).waterClass()).isEqualTo(IV);
        assertThat(STANDARD.classify(Waterbody.RESERVOIR, sample).waterClass()).isEqualTo(IV);
    }

    @ParameterizedTest(name = "pH {0}")
    @CsvSource({ "5.99", "9.01", "4", "10.5" })
    void pHOutsideSixToNineMakesAnOtherwiseExcellentSampleWorseThanV(BigDecimal ph) {
        Classification sample = STANDARD.classify(Waterbody.RIVER, values("do", "8", "codmn", "1.5", "nh3n", "0.1",
                "tp", "0.01", "ph", ph.toPlainString()));

        assertThat(sample.waterClass()).isEqualTo(WORSE_THAN_V);
        assertThat(sample.limitingParameters()).containsExactly("ph");
    }

    @ParameterizedTest(name = "pH {0}")
    @CsvSource({ "6", "6.0", "7.4", "9", "9.00" })
    void pHWithinSixToNineLeavesTheClassToTheOtherParameters(BigDecimal ph) {
        Classification sample = STANDARD.classify(Waterbody.RIVER, values("codmn", "4.5", "ph", ph.toPlainString()));

        assertThat(sample.waterClass()).isEqualTo(III);
        assertThat(sample.limitingParameters()).containsExactly("codmn");
        assertThat(sample.parameterClasses()).containsEntry("ph", I);
    }

    @Test
    void allParametersOfTheWorstClassLimitAndTheOrderIsTheTables() {
        Classification sample = STANDARD.classify(Waterbody.RIVER, values("nh3n", "1.8", "do", "2.5", "cod", "12"));

        assertThat(sample.waterClass()).isEqualTo(V);
        assertThat(sample.limitingParameters()).containsExactly("do", "nh3n");
        assertThat(sample.parameterClasses().keySet()).containsExactly("do", "cod", "nh3n");
    }

    @Test
    void aSampleOfOnlyUnlimitedParametersHasNoClass() {
        Classification river = STANDARD.classify(Waterbody.RIVER, values("tn", "1.2"));

        assertThat(river.waterClass()).isNull();
        assertThat(river.limitingParameters()).isEmpty();
        assertThat(river.notClassified()).containsExactly("tn");
    }

    @Test
    void listsEveryProblemOfTheValues() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("do", new BigDecimal("-0.1"));
        values.put("ph", new BigDecimal("14.5"));
        values.put("chla", new BigDecimal("3"));
        values.put("tp", null);
        values.put("Cod", new BigDecimal("12"));
        values.put("nh3n", new BigDecimal("0"));

        assertThat(TABLE.problems(values)).containsExactly(
                new FieldProblem("parameters.do", "cannot be negative"),
                new FieldProblem("parameters.ph", "must be between 0 and 14"),
                new FieldProblem("parameters.chla", "is not a parameter of GB 3838-2002 this service classifies; "
                        + "known are do, codmn, cod, bod5, nh3n, tp, tn, ph"),
                new FieldProblem("parameters.tp", "must be a number"),
                new FieldProblem("parameters.Cod", "is not a parameter of GB 3838-2002 this service classifies; "
                        + "known are do, codmn, cod, bod5, nh3n, tp, tn, ph"));
        assertThatIllegalArgumentException().isThrownBy(() -> STANDARD.classify(Waterbody.LAKE, values));
    }

    @ParameterizedTest
    @EnumSource(Waterbody.class)
    void theTwoWaysOfClassifyingAgreeWhereNitrogenIsNotMeasured(Waterbody waterbody) {
        Map<String, BigDecimal> sample = values("do", "4.1", "codmn", "7", "cod", "22", "bod5", "3.9", "nh3n", "0.4",
                "tp", "0.09", "ph", "8.1");

        assertThat(EVALUATION_METHOD.classify(waterbody, sample)).isEqualTo(STANDARD.classify(waterbody, sample));
    }

    @Test
    void theTableNamesItsStandardAndClauses() {
        StandardSource source = TABLE.source();

        assertThat(source.code()).isEqualTo("GB 3838-2002");
        assertThat(source.effectiveFrom()).hasToString("2002-06-01");
        assertThat(source.effectiveTo()).isNull();
        assertThat(source.clauses()).anySatisfy(clause -> assertThat(clause).contains("表1"));
        assertThat(EvaluationIndicators.load().source().code()).isEqualTo("环办〔2011〕22号");
    }

    @Test
    void aMisprintedLimitStopsTheTableFromLoading() {
        assertThatIllegalStateException().isThrownBy(() -> Gb3838Table.load("/standards-test/gb3838-misprinted.csv"))
                .withMessageContaining("class III of nh3n (ALL) admits less than class II");
    }

    static Map<String, BigDecimal> values(String... namesAndValues) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], new BigDecimal(namesAndValues[i + 1]));
        }
        return values;
    }
}

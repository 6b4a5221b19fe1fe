package org.ecoplan.risk.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskGraderTest {

    private static final Hj941Standard STANDARD = Hj941Standard.load();

    private final RiskGrader grader = new RiskGrader(STANDARD);

    /** Every cell of the matrix, transcribed by hand from REFERENCE §5 (not read from the data file under test). */
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "E1, Q1, M1, 较大", "E1, Q1, M2, 较大", "E1, Q1, M3, 重大", "E1, Q1, M4, 重大",
            "E1, Q2, M1, 较大", "E1, Q2, M2, 重大", "E1, Q2, M3, 重大", "E1, Q2, M4, 重大",
            "E1, Q3, M1, 重大", "E1, Q3, M2, 重大", "E1, Q3, M3, 重大", "E1, Q3, M4, 重大",
            "E2, Q1, M1, 一般", "E2, Q1, M2, 较大", "E2, Q1, M3, 较大", "E2, Q1, M4, 重大",
            "E2, Q2, M1, 较大", "E2, Q2, M2, 较大", "E2, Q2, M3, 重大", "E2, Q2, M4, 重大",
            "E2, Q3, M1, 较大", "E2, Q3, M2, 重大", "E2, Q3, M3, 重大", "E2, Q3, M4, 重大",
            "E3, Q1, M1, 一般", "E3, Q1, M2, 一般", "E3, Q1, M3, 较大", "E3, Q1, M4, 较大",
            "E3, Q2, M1, 一般", "E3, Q2, M2, 较大", "E3, Q2, M3, 较大", "E3, Q2, M4, 重大",
            "E3, Q3, M1, 较大", "E3, Q3, M2, 较大", "E3, Q3, M3, 重大", "E3, Q3, M4, 重大" })
    void matrixGivesTheLevelOfEveryCell(Sensitivity e, QClass q, MClass m, String level) {
        assertThat(STANDARD.matrix().levelFor(q, m, e).zh()).isEqualTo(level);

        // the same cell reached through scores at the classes' lower bounds, for both media
        for (Medium medium : Medium.values()) {
            MediumGrade grade = grader.grade(medium, STANDARD.lowerBound(q), STANDARD.lowerBound(m), e);
            assertThat(grade.qClass()).isEqualTo(q);
            assertThat(grade.mClass()).isEqualTo(m);
            assertThat(grade.level().zh()).isEqualTo(level);
        }
    }

    @ParameterizedTest(name = "Q {0} -> {1}")
    @CsvSource({
            "0, Q0", "0.9999, Q0", "0.99999999, Q0", "1, Q1", "1.0, Q1", "9.9999, Q1", "10, Q2", "99.99, Q2",
            "100, Q3", "100000, Q3" })
    void qClassesChangeExactlyAt1And10And100(BigDecimal q, QClass expected) {
        assertThat(STANDARD.qClass(q)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "M {0} -> {1}")
    @CsvSource({ "0, M1", "24.9, M1", "25, M2", "44.99, M2", "45, M3", "59, M3", "60, M4", "100, M4" })
    void mClassesChangeExactlyAt25And45And60(BigDecimal m, MClass expected) {
        assertThat(STANDARD.mClass(m)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "E1", "E2", "E3" })
    void q0IsGeneralWhateverMAndE(Sensitivity e) {
        MediumGrade grade = grader.grade(Medium.AIR, new BigDecimal("0.99"), new BigDecimal("100"), e);

        assertThat(grade.qClass()).isEqualTo(QClass.Q0);
        assertThat(grade.level()).isEqualTo(RiskLevel.GENERAL);
        assertThat(grade.written()).isEqualTo("一般-大气(Q0)");
    }

    @Test
    void q0NeedsNeitherMNorE() {
        MediumGrade grade = grader.grade(Medium.WATER, BigDecimal.ZERO, null, null);

        assertThat(grade.level()).isEqualTo(RiskLevel.GENERAL);
        assertThat(grade.written()).isEqualTo("一般-水(Q0)");
    }

    @Test
    void fromQ1OnMAndEAreNeeded() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> grader.grade(Medium.AIR, BigDecimal.ONE, null, Sensitivity.E1));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> grader.grade(Medium.AIR, BigDecimal.ONE, BigDecimal.TEN, null));
    }

    @ParameterizedTest(name = "M {0}")
    @CsvSource({ "-1", "100.5" })
    void mOutsideZeroToTheMaximumIsRefused(BigDecimal m) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> grader.grade(Medium.WATER, BigDecimal.TEN, m, Sensitivity.E2));
    }

    /** The example: water's chlorine (2 t over 1 t is Q = 2) with M 10 and E3, air Q2 M2 E1. */
    @Test
    void writesTheCodeAsClause8Does() {
        MediumGrade air = grader.grade(Medium.AIR, new BigDecimal("12.5"), new BigDecimal("30"), Sensitivity.E1);
        MediumGrade water = grader.grade(Medium.WATER,
                grader.q(List.of(new SubstanceQuantity("7782-50-5", new BigDecimal("2")))), BigDecimal.TEN,
                Sensitivity.E3);

        EnterpriseGrade grade = grader.grade(air, water, false);

        assertThat(water.q()).isEqualByComparingTo("2");
        assertThat(grade.level()).isEqualTo(RiskLevel.MAJOR);
        assertThat(grade.code()).isEqualTo("重大[重大-大气(Q2-M2-E1)+一般-水(Q1-M1-E3)]");
    }

    @Test
    void enterpriseTakesTheHigherMediumWhicheverItIs() {
        MediumGrade air = grader.grade(Medium.AIR, new BigDecimal("12"), new BigDecimal("30"), Sensitivity.E3);
        MediumGrade water = grader.grade(Medium.WATER, new BigDecimal("3"), new BigDecimal("5"), Sensitivity.E3);

        assertThat(grader.grade(air, water, false).code()).isEqualTo("较大[较大-大气(Q2-M2-E3)+一般-水(Q1-M1-E3)]");

        MediumGrade lowAir = grader.grade(Medium.AIR, new BigDecimal("0.5"), null, null);
        MediumGrade highWater = grader.grade(Medium.WATER, new BigDecimal("150"), new BigDecimal("60"),
                Sensitivity.E1);
        assertThat(grader.grade(lowAir, highWater, false).code()).isEqualTo("重大[一般-大气(Q0)+重大-水(Q3-M4-E1)]");
    }

    @ParameterizedTest(name = "{0} raised -> {1}")
    @CsvSource({ "GENERAL, LARGER, true", "LARGER, MAJOR, true", "MAJOR, MAJOR, false" })
    void aPenaltyRaisesOneLevelAtMostToMajor(RiskLevel before, RiskLevel after, boolean raised) {
        MediumGrade air = gradeAt(before);
        MediumGrade water = grader.grade(Medium.WATER, BigDecimal.ZERO, null, null);

        EnterpriseGrade grade = grader.grade(air, water, true);

        assertThat(grade.matrixLevel()).isEqualTo(before);
        assertThat(grade.level()).isEqualTo(after);
        assertThat(grade.raised()).isEqualTo(raised);
        assertThat(grade.code()).startsWith(after.zh() + "[" + before.zh() + "-大气");
    }

    @ParameterizedTest(name = "{0} on 2025-06-30 -> {1}")
    @CsvSource({
            "2025-06-30, true", "2022-06-30, true", "2022-06-29, false", "2025-07-01, false", "2024-02-29, true",
            "2020-01-01, false" })
    void aPenaltyCountsForThreeYearsIncludingTheAnniversary(LocalDate last, boolean raises) {
        assertThat(grader.raises(last, LocalDate.parse("2025-06-30"))).isEqualTo(raises);
        assertThat(grader.raises(null, LocalDate.parse("2025-06-30"))).isFalse();
    }

    @Test
    void qSumsEachQuantityOverItsCriticalQuantity() {
        // benzene 5 of 10 t, cyclohexane 20 of 10 t, ammonia 12.5 of 5 t: 0.5 + 2 + 2.5
        BigDecimal q = grader.q(List.of(new SubstanceQuantity("71-43-2", new BigDecimal("5")),
                new SubstanceQuantity("110-82-7", new BigDecimal("20")),
                new SubstanceQuantity("7664-41-7", new BigDecimal("12.5"))));

        assertThat(q).isEqualByComparingTo("5");
    }

    @Test
    void qIsShownCutToFourPlacesButClassedExactly() {
        MediumGrade grade = grader.grade(Medium.AIR, new BigDecimal("9.99999"), BigDecimal.ZERO, Sensitivity.E3);

        assertThat(grade.qClass()).isEqualTo(QClass.Q1);
        assertThat(grade.q()).isEqualByComparingTo("9.9999");
    }

    @Test
    void unknownSubstanceOrNegativeQuantityIsRefused() {
        // 己内酰胺 (caprolactam) is not in Appendix A as held here
        assertThatIllegalArgumentException()
            .isThrownBy(() -> grader.q(List.of(new SubstanceQuantity("105-60-2", BigDecimal.ONE))))
            .withMessageContaining("105-60-2");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> grader.q(List.of(new SubstanceQuantity("71-43-2", new BigDecimal("-1")))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'HAZARDOUS_PROCESS=1', 10", "'HAZARDOUS_PROCESS=2,PHASED_OUT=1', 25",
            "'HIGH_TEMPERATURE_OR_PRESSURE=3', 15", "'HAZARDOUS_PROCESS=3,PHASED_OUT=2', 30",
            "'HAZARDOUS_PROCESS=5', 30", "'NONE=4', 0" })
    void processScoreIsPointsPerSetCappedAt30(String sets, BigDecimal expected) {
        Map<String, Integer> bySets = new LinkedHashMap<>();
        for (String item : sets.split(",")) {
            String[] parts = item.split("=");
            bySets.put(parts[0], Integer.parseInt(parts[1]));
        }
        assertThat(grader.processScore(bySets)).isEqualByComparingTo(expected);
    }

    @Test
    void unknownProcessTypeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> grader.processScore(Map.of("COOKING", 1)));
    }

    private MediumGrade gradeAt(RiskLevel level) {
        return switch (level) {
            case GENERAL -> grader.grade(Medium.AIR, BigDecimal.ONE, BigDecimal.ZERO, Sensitivity.E3);
            case LARGER -> grader.grade(Medium.AIR, BigDecimal.ONE, BigDecimal.ZERO, Sensitivity.E1);
            case MAJOR -> grader.grade(Medium.AIR, new BigDecimal("100"), BigDecimal.ZERO, Sensitivity.E1);
        };
    }
}

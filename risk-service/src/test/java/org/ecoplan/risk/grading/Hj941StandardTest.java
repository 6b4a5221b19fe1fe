package org.ecoplan.risk.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The data files as the grader reads them. */
class Hj941StandardTest {

    private static final Hj941Standard STANDARD = Hj941Standard.load();

    /** Entries not marked {@code verify}: the values the district's filings use most, checked by hand here. */
    @ParameterizedTest(name = "{0} {1} -> {2} t")
    @CsvSource({
            "7664-41-7, 氨, 5", "7782-50-5, 氯, 1", "71-43-2, 苯, 10", "108-88-3, 甲苯, 10", "67-56-1, 甲醇, 10",
            "10049-04-4, 二氧化氯, 0.5", "7681-52-9, 次氯酸钠, 5", "86290-81-5, 汽油, 2500", "68334-30-5, 柴油, 2500",
            "68476-85-7, 液化石油气, 10", "7647-01-0/aq37, 盐酸(浓度≥37%), 7.5", "7647-01-0, 氯化氢, 2.5",
            "1333-82-0, 三氧化铬(铬酸酐), 0.25" })
    void listsTheCriticalQuantities(String key, String zh, BigDecimal tonnes) {
        RiskSubstance substance = STANDARD.substance(key).orElseThrow();

        assertThat(substance.name().zh()).isEqualTo(zh);
        assertThat(substance.criticalQuantity()).isEqualByComparingTo(tonnes);
    }

    @Test
    void holdsAtLeastFortySubstancesEachCountingForAMediumByItsPart() {
        assertThat(STANDARD.substances()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(STANDARD.substances()).allSatisfy(substance -> {
            assertThat(substance.part()).isBetween(1, 8);
            // 5.1: parts 1 to 4 and 6 are 涉气; 6.1: parts 3 to 8 are 涉水
            if (substance.part() <= 4 || substance.part() == 6) {
                assertThat(substance.countsFor(Medium.AIR)).as(substance.key()).isTrue();
            }
            if (substance.part() >= 3) {
                assertThat(substance.countsFor(Medium.WATER)).as(substance.key()).isTrue();
            }
        });
    }

    @Test
    void caprolactamIsNotInAppendixA() {
        assertThat(STANDARD.substance("105-60-2")).isEmpty();
    }

    @Test
    void theLimitsOfM() {
        assertThat(STANDARD.processCap()).isEqualByComparingTo("30");
        assertThat(STANDARD.maxM(Medium.AIR)).isEqualByComparingTo("100");
        assertThat(STANDARD.maxM(Medium.WATER)).isEqualByComparingTo("100");
        assertThat(STANDARD.adjustmentYears()).isEqualTo(3);
    }

    @Test
    void readsQuotedFieldsWithCommas() {
        assertThat(StandardData.fields("a,\"b, c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b, c", "say \"hi\"",
                "");
    }
}

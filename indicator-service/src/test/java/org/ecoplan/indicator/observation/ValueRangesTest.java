package org.ecoplan.indicator.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueRangesTest {

    private final ValueRanges ranges = ValueRanges.standard();

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource(textBlock = """
            %,     0
            %,     100
            %,     92.1
            %,     100.000
            μg/m³, 0
            μg/m³, 36
            μg/m³, 1500
            mg/m³, 0.9
            mg/L,  0.15
            万吨,   0
            万吨,   0.12
            吨,     3
            km²,   2.48
            天,     0
            天,     366
            """)
    void acceptsValuesInsideTheUnitsRangeBoundsIncluded(String unit, BigDecimal value) {
        assertThat(ranges.violation(unit, value)).isEmpty();
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource(delimiter = '|', textBlock = """
            %     | -0.1   | -0.1 % is below 0: a percentage is a share of a whole
            %     | 100.01 | 100.01 % is above 100: a percentage is a share of a whole
            %     | 120    | 120 % is above 100: a percentage is a share of a whole
            μg/m³ | -1     | -1 μg/m³ is below 0: a concentration cannot be negative
            mg/L  | -0.01  | -0.01 mg/L is below 0: a concentration cannot be negative
            万吨   | -0.5   | -0.5 万吨 is below 0: a mass cannot be negative
            km²   | -2.48  | -2.48 km² is below 0: an area cannot be negative
            天     | 367    | 367 天 is above 366: a year has at most 366 days
            """)
    void rejectsValuesOutsideSayingWhy(String unit, BigDecimal value, String why) {
        assertThat(ranges.violation(unit, value)).contains(why);
    }

    @Test
    void everyUnitOfTable2HasARange() {
        assertThat(ranges.units()).contains("%", "μg/m³", "万吨", "km²");
        assertThat(ranges.knows("dB(A)")).isFalse();
    }

    @Test
    void aUnitWithoutRangeIsNotJudged() {
        assertThat(ranges.violation("dB(A)", new BigDecimal("-5"))).isEmpty();
    }

    @Test
    void aFileWithoutItsHeaderOrWithAUnitTwiceIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> read("# header\n%,0,100,share\n"));
        assertThatIllegalStateException().isThrownBy(
                () -> read("unit,min,max,basis\n%,0,100,share\n%,0,50,again\n"));
        assertThatIllegalStateException().isThrownBy(() -> read("unit,min,max,basis\n%,0,100\n"));
    }

    private static ValueRanges read(String text) throws Exception {
        return ValueRanges.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}

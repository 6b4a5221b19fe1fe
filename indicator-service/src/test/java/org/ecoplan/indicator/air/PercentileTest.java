package org.ecoplan.indicator.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentileTest {

    @ParameterizedTest(name = "P{1} of {0} is {2}")
    @CsvSource(delimiter = ';', textBlock = """
            # values;                  p;     percentile (HJ 663-2013 Appendix A, by hand: k = 1 + (n - 1) p)
            1 2 3 4 5 6 7 8 9 10;      0.90;  9.1
            1 2 3 4 5 6 7 8 9 10;      0.95;  9.55
            10 9 8 7 6 5 4 3 2 1;      0.95;  9.55
            5 1 3;                     0.50;  3
            5 1 3;                     0.90;  4.6
            42;                        0.95;  42
            8 12 12 20;                0.95;  18.8
            8 12 12 20;                0;     8
            8 12 12 20;                1;     20
            """)
    void handComputedPercentiles(String values, BigDecimal p, BigDecimal expected) {
        int[] series = Arrays.stream(values.trim().split(" +")).mapToInt(Integer::parseInt).toArray();

        assertThat(Percentile.of(series, p)).isEqualByComparingTo(expected);
    }

    @Test
    void aYearOfDailyValues() {
        // 365 values 1..365 shuffled by a fixed stride: k = 1 + 364 × 0.95 = 346.8, so X(346) + 0.8 = 346.8;
        // for 0.90: k = 328.6 -> 328.6
        int[] year = IntStream.range(0, 365).map(i -> (i * 7) % 365 + 1).toArray();

        assertThat(Percentile.of(year, new BigDecimal("0.95"))).isEqualByComparingTo("346.8");
        assertThat(Percentile.of(year, new BigDecimal("0.90"))).isEqualByComparingTo("328.6");
    }

    @Test
    void noValuesOrAPOutsideZeroToOneIsAnError() {
        assertThatThrownBy(() -> Percentile.of(new int[0], new BigDecimal("0.9")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentile.of(new int[] { 1 }, new BigDecimal("95")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}

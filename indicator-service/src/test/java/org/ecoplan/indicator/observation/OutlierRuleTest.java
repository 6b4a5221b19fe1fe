package org.ecoplan.indicator.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutlierRuleTest {

    private final OutlierRule rule = new OutlierRule(5, 3.5);

    /**
     * Hand-checked: history 36 35 34 37 36 has median 36 and MAD 1, so z = 0.6745 (x - 36) and the limit 3.5 is
     * crossed at |x - 36| > 5.189. History 0 0 0 0 10 has MAD 0; its mean absolute deviation is 2, so
     * z = x / 2.5066.
     */
    @ParameterizedTest(name = "{1} against {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            36;35;34;37;36       | 36     | false
            36;35;34;37;36       | 41.18  | false
            36;35;34;37;36       | 41.19  | true
            36;35;34;37;36       | 30.82  | false
            36;35;34;37;36       | 30.81  | true
            36;35;34;37;36       | 60     | true
            36;35;34;37          | 60     | false
            0;0;0;0;10           | 8.77   | false
            0;0;0;0;10           | 8.78   | true
            0;0;0;0;0            | 0      | false
            0;0;0;0;0            | 0.1    | true
            92.1;93.2;90.4;91.8;92.6;94.0 | 85.0 | true
            92.1;93.2;90.4;91.8;92.6;94.0 | 90.9 | false
            """)
    void flagsValuesBeyondTheRobustZScoreLimit(String history, BigDecimal value, boolean flagged) {
        assertThat(rule.check(value, values(history)).isPresent()).isEqualTo(flagged);
    }

    @Test
    void findingNamesScoreMedianAndHistory() {
        assertThat(rule.check(new BigDecimal("60"), values("36;35;34;37;36"))).contains(
                "robust z-score 16.2 against the median 36 of 5 approved values (flagged beyond ±3.5)");
        assertThat(rule.check(new BigDecimal("5"), values("0;0;0;0;0"))).contains(
                "differs from all 5 approved values, which are 0");
    }

    @Test
    void needsAtLeastThreeValuesAndAPositiveThreshold() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutlierRule(2, 3.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new OutlierRule(5, 0));
    }

    private static List<BigDecimal> values(String history) {
        return Arrays.stream(history.split(";")).map(BigDecimal::new).toList();
    }
}

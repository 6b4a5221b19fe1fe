package org.ecoplan.indicator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressThresholdsTest {

    private final ProgressThresholds openSdg = ProgressThresholds.openSdg();

    /** Open SDG: value >= 0.95 substantial; 0.6 <= value < 0.95 moderate; 0 <= value < 0.6 limited; below 0. */
    @ParameterizedTest(name = "R = {0}: {1}")
    @CsvSource(textBlock = """
            12,        ON_TRACK
            0.95,      ON_TRACK
            0.949999,  NEEDS_ACCELERATION
            0.6,       NEEDS_ACCELERATION
            0.599999,  LIMITED
            0,         LIMITED
            -0.000001, DETERIORATING
            -5,        DETERIORATING
            """)
    void bandsTheRatioWithInclusiveLowerBounds(BigDecimal ratio, ProgressStatus status) {
        assertThat(openSdg.statusFor(ratio)).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/progress/thresholds-gap.csv", "/progress/thresholds-no-source.csv",
            "/progress/thresholds-closed-bottom.csv", "/progress/missing.csv" })
    void refusesAFileThatDoesNotBandEveryRatioOrHidesItsSource(String resource) {
        assertThatIllegalStateException().isThrownBy(() -> ProgressThresholds.read(resource));
    }
}

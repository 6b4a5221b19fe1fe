package org.ecoplan.risk.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state machine of FilingStatus's Javadoc, state by state: every allowed next state, nothing else. */
class FilingStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "DRAFT, SUBMITTED, true",
        "SUBMITTED, FILED RETURNED, false",
        "RETURNED, SUBMITTED, true",
        "FILED, REVISION_REQUIRED SUPERSEDED, false",
        "REVISION_REQUIRED, SUPERSEDED, false",
        "SUPERSEDED, '', false" })
    void allowedTransitions(FilingStatus from, String allowed, boolean editable) {
        Set<FilingStatus> expected = Arrays.stream(allowed.split(" ")).filter(name -> !name.isEmpty())
            .map(FilingStatus::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(FilingStatus.class)));
        assertThat(EnumSet.allOf(FilingStatus.class).stream().filter(from::canBecome))
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(from.editable()).isEqualTo(editable);
    }
}

package org.ecoplan.project.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.catalog.StatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleTest {

    /**
     * Every status (a suspended one by where it was suspended from; "-" for a record without that history) against
     * every target: x where the transition is legal.
     */
    private static final String MATRIX = """
            from                origin              PLANNED UNDER_CONSTRUCTION COMPLETED ACCEPTED SUSPENDED CANCELLED
            PLANNED             -                   .       x                  .         .        x         x
            UNDER_CONSTRUCTION  -                   .       .                  x         .        x         x
            COMPLETED           -                   .       x                  .         x        .         .
            ACCEPTED            -                   .       .                  .         .        .         .
            CANCELLED           -                   .       .                  .         .        .         .
            SUSPENDED           PLANNED             x       .                  .         .        .         x
            SUSPENDED           UNDER_CONSTRUCTION  .       x                  .         .        .         x
            SUSPENDED           -                   x       x                  .         .        .         x
            """;

    static Stream<Arguments> everyPair() {
        List<String> lines = MATRIX.lines().toList();
        List<ProjectStatus> targets = Arrays.stream(lines.get(0).trim().split("\\s+")).skip(2)
                .map(ProjectStatus::valueOf).toList();
        List<Arguments> pairs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            for (int i = 0; i < targets.size(); i++) {
                pairs.add(Arguments.of(ProjectStatus.valueOf(cells[0]), cells[1], targets.get(i),
                        cells[i + 2].equals("x")));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} (suspended from {1}) -> {2}: {3}")
    @MethodSource("everyPair")
    void transitionIsLegalExactlyWhereTheMatrixSaysSo(ProjectStatus from, String origin, ProjectStatus to,
            boolean legal) {
        assertThat(Lifecycle.allows(from, historyEndingIn(from, origin), to)).isEqualTo(legal);
    }

    @Test
    void matrixCoversEveryStatusAsTarget() {
        assertThat(everyPair().map(pair -> pair.get()[2]).distinct()).containsExactlyInAnyOrder(
                (Object[]) ProjectStatus.values());
    }

    @Test
    void aProjectSuspendedTwiceResumesToWhereTheLastSuspensionStarted() {
        List<StatusChange> history = List.of(change(ProjectStatus.PLANNED, ProjectStatus.SUSPENDED),
                change(ProjectStatus.SUSPENDED, ProjectStatus.PLANNED),
                change(ProjectStatus.PLANNED, ProjectStatus.UNDER_CONSTRUCTION),
                change(ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.SUSPENDED));

        assertThat(Lifecycle.allowedTargets(ProjectStatus.SUSPENDED, history))
                .containsExactly(ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.CANCELLED);
    }

    @Test
    void allowedTargetsComeInDeclarationOrder() {
        assertThat(Lifecycle.allowedTargets(ProjectStatus.PLANNED, List.of())).containsExactly(
                ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.SUSPENDED, ProjectStatus.CANCELLED);
    }

    private static List<StatusChange> historyEndingIn(ProjectStatus status, String origin) {
        if (origin.equals("-")) {
            return List.of();
        }
        return List.of(change(ProjectStatus.valueOf(origin), status));
    }

    private static StatusChange change(ProjectStatus from, ProjectStatus to) {
        return new StatusChange(from, to, LocalDate.of(2024, 5, 1), "test", Instant.EPOCH, "tester");
    }
}

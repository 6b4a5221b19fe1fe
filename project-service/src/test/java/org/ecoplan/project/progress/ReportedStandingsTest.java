package org.ecoplan.project.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.project;
import static org.ecoplan.project.ProjectFixtures.report;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ecoplan.project.catalog.Project;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

class ReportedStandingsTest {

    private static final LocalDate END_OF_2024 = LocalDate.of(2024, 12, 31);

    private static final LocalDate MID_2025 = LocalDate.of(2025, 6, 30);

    private final ReactiveMongoTemplate template = mock(ReactiveMongoTemplate.class);

    private final ReportedStandings standings = new ReportedStandings(template, new ScheduleAssessment(
            new ScheduleThresholds(Duration.ofDays(30), new BigDecimal("20"), new BigDecimal("10"),
                    Duration.ofDays(120))));

    @Test
    void manyProjectsOnManyDaysAreJudgedFromOneReadOfTheirReports() {
        Project first = project().build();
        Project second = project().build();
        Project silent = project().build();
        when(template.find(any(Query.class), eq(ProgressReport.class))).thenReturn(Flux.just(
                report(first.code(), "2024-Q4", "100", List.of()), report(first.code(), "2025-Q1", "150", List.of()),
                report(second.code(), "2024-Q4", "40", List.of())));

        Map<String, Map<LocalDate, ProjectStanding>> found = standings
            .standings(List.of(first, second, silent), List.of(END_OF_2024, MID_2025)).block();

        verify(template, times(1)).find(any(Query.class), eq(ProgressReport.class));
        assertThat(found).containsOnlyKeys(first.code(), second.code(), silent.code());
        assertThat(found.get(first.code()).get(END_OF_2024).latestReport()).isEqualTo("2024-Q4");
        assertThat(found.get(first.code()).get(MID_2025).latestReport()).isEqualTo("2025-Q1");
        assertThat(found.get(second.code()).get(MID_2025).disbursed().amount()).isEqualByComparingTo("40");
        assertThat(found.get(silent.code()).get(MID_2025).latestReport()).isNull();
        assertThat(found.get(silent.code()).get(MID_2025))
            .as("the same as a project's own standing")
            .isEqualTo(new ScheduleAssessment(new ScheduleThresholds(Duration.ofDays(30), new BigDecimal("20"),
                    new BigDecimal("10"), Duration.ofDays(120))).standing(silent, List.of(), MID_2025));
    }
}

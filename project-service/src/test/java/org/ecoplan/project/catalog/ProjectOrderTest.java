package org.ecoplan.project.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.progress.ScheduleStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.domain.Sort;

class ProjectOrderTest {

    /** a: 2021, 500 万元, 0 days behind; b: 2019, 100 万元, 30 days; c: 2019, 300 万元, 400 days; d: 2021, 100 万元, 30 days. */
    private static final List<ListedProject> PROJECTS = List.of(
            listed("T-A", 2021, "500", 0), listed("T-B", 2019, "100", 30), listed("T-C", 2019, "300", 400),
            listed("T-D", 2021, "100.0", 30));

    /** Rows: the sort parameter | the codes in that order (ties by code) | whether it needs the standings. */
    @ParameterizedTest(name = "sort={0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            none                 | T-A T-B T-C T-D | false
            -code                | T-D T-C T-B T-A | false
            investment           | T-B T-D T-C T-A | false
            -investment          | T-A T-C T-B T-D | false
            slippage             | T-A T-B T-D T-C | true
            -slippage            | T-C T-B T-D T-A | true
            startYear,-slippage  | T-C T-B T-D T-A | true
            -startYear,investment| T-D T-A T-B T-C | false
            slippage,-code       | T-A T-D T-B T-C | true
            """)
    void ordersInMemoryAsMongoDbWouldWithTiesByCode(String sort, String codes, boolean readsStanding) {
        ProjectOrder order = ProjectOrder.of(sort);

        assertThat(PROJECTS.stream().sorted(order.comparator()).map(listed -> listed.project().code()))
                .containsExactly(codes.split(" "));
        assertThat(order.readsStanding()).isEqualTo(readsStanding);
    }

    /** Rows: the sort parameter | the MongoDB sort. */
    @ParameterizedTest(name = "sort={0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            none                      | code: ASC
            -investment               | totalInvestment.amount: DESC,code: ASC
            completionYear,-code      | completionYear: ASC,code: DESC
            """)
    void storedOrderNamesTheDocumentsFields(String sort, String stored) {
        assertThat(ProjectOrder.of(sort).stored()).isEqualTo(Stream.of(stored.split(","))
                .map(order -> order.split(": "))
                .map(order -> new Sort.Order(Sort.Direction.valueOf(order[1]), order[0]))
                .reduce(Sort.unsorted(), (sorted, order) -> sorted.and(Sort.by(order)), Sort::and));
    }

    @ParameterizedTest
    @ValueSource(strings = { "budget", "totalInvestment.amount", "-content", "investment,name" })
    void otherFieldsAreABadRequestNamingTheSortParameter(String sort) {
        assertThatThrownBy(() -> ProjectOrder.of(sort))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getStatusCode().value())
                        .isEqualTo(400));
    }

    private static ListedProject listed(String code, int startYear, String investment, long slippage) {
        ScheduleStatus status = slippage > 0 ? ScheduleStatus.DELAYED : ScheduleStatus.ON_SCHEDULE;
        return new ListedProject(ProjectFixtures.project().code(code).years(startYear, 2025).investment(investment).build(),
                new StandingSummary(status, slippage, null, BigDecimal.ZERO));
    }
}

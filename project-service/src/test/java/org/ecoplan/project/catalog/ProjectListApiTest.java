package org.ecoplan.project.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.project.ProjectFixtures.role;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.ecoplan.common.time.BureauDay;
import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.ProjectServiceTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Filters, orders and the export over five projects of the test's own type, spread around today: the schedule
 * checks rely only on what the standings promise (past its completion year and not completed is overdue, a
 * cancelled project has no schedule status, nothing reported means nothing disbursed).
 */
@ProjectServiceTest
class ProjectListApiTest {

    private static final String PROJECTS = "/api/v1/projects";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private TestClock clock;

    private String type;

    private int thisYear;

    /** Not started yet, 500 万元, led by env. */
    private Project future;

    /** Overdue for some years, 100 万元, led by water with env. */
    private Project overdue;

    /** Overdue for longer, 300 万元, led by land. */
    private Project longOverdue;

    /** Cancelled, 200 万元. */
    private Project cancelled;

    /** Completed, 50 万元. */
    private Project completed;

    @BeforeEach
    void fiveProjectsOfTheirOwnType() {
        type = "列表测试-" + UUID.randomUUID();
        thisYear = BureauDay.today(clock).getYear();
        future = ProjectFixtures.project().type(type).years(thisYear + 2, thisYear + 4).investment("500")
                .status(ProjectStatus.PLANNED).store(template);
        overdue = ProjectFixtures.project().type(type).years(thisYear - 7, thisYear - 4).investment("100")
                .lead("water", "env").store(template);
        longOverdue = ProjectFixtures.project().type(type).years(thisYear - 8, thisYear - 6).investment("300").lead("land")
                .store(template);
        cancelled = ProjectFixtures.project().type(type).years(thisYear - 7, thisYear - 5).investment("200")
                .status(ProjectStatus.CANCELLED).store(template);
        completed = ProjectFixtures.project().type(type).years(thisYear - 7, thisYear - 4).investment("50")
                .status(ProjectStatus.COMPLETED).store(template);
    }

    @Test
    void filtersByStoredFields() {
        assertThat(codes("status=CANCELLED")).containsExactly(cancelled.code());
        assertThat(codes("department=env")).as("leading or cooperating")
                .containsExactlyInAnyOrder(future.code(), overdue.code(), cancelled.code(), completed.code());
        assertThat(codes("department=water")).containsExactly(overdue.code());
        assertThat(codes("year=" + (thisYear - 6))).as("under way that year")
                .containsExactlyInAnyOrder(overdue.code(), longOverdue.code(), cancelled.code(), completed.code());
        assertThat(codes("year=" + (thisYear - 8))).containsExactly(longOverdue.code());
        assertThat(codes("year=" + (thisYear - 6) + "&department=land&status=UNDER_CONSTRUCTION"))
                .containsExactly(longOverdue.code());
    }

    @Test
    void filtersByTheScheduleStatusOfToday() {
        assertThat(codes("scheduleStatus=OVERDUE")).containsExactlyInAnyOrder(overdue.code(), longOverdue.code());
        assertThat(codes("delayedOnly=true")).as("neither the cancelled nor the completed one")
                .containsExactlyInAnyOrder(overdue.code(), longOverdue.code());
        assertThat(codes("delayedOnly=false")).hasSize(5);
        assertThat(codes("delayedOnly=true&department=land")).containsExactly(longOverdue.code());
    }

    @Test
    void sortsByInvestmentAndSlippageEitherWay() {
        assertThat(codes("sort=-investment")).containsExactly(future.code(), longOverdue.code(), cancelled.code(),
                overdue.code(), completed.code());
        assertThat(codes("sort=investment")).containsExactly(completed.code(), overdue.code(), cancelled.code(),
                longOverdue.code(), future.code());
        assertThat(codes("delayedOnly=true&sort=-slippage")).containsExactly(longOverdue.code(), overdue.code());
        assertThat(codes("delayedOnly=true&sort=slippage")).containsExactly(overdue.code(), longOverdue.code());
    }

    @Test
    void pagesAfterFilteringAndSortingInMemory() {
        JsonNode second = list("delayedOnly=true&sort=-slippage&size=1&page=1");
        assertThat(second.get("total").asInt()).isEqualTo(2);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items").valueStream().map(item -> item.get("code").asString()))
                .containsExactly(overdue.code());

        JsonNode stored = list("sort=-investment&size=2&page=1");
        assertThat(stored.get("total").asInt()).isEqualTo(5);
        assertThat(stored.get("items").valueStream().map(item -> item.get("code").asString()))
                .containsExactly(cancelled.code(), overdue.code());
    }

    @Test
    void everyListItemCarriesItsStandingSummary() {
        JsonNode item = list("delayedOnly=true&department=water").at("/items/0");

        assertThat(item.get("code").asString()).isEqualTo(overdue.code());
        assertThat(item.at("/standing/scheduleStatus").asString()).isEqualTo("OVERDUE");
        assertThat(item.at("/standing/slippageDays").asLong()).isPositive();
        assertThat(item.at("/standing/physicalProgress").isNull()).as("nothing reported").isTrue();
        assertThat(item.at("/standing/financialProgress").decimalValue()).isEqualByComparingTo("0");
        assertThat(item.has("id")).isFalse();

        assertThat(list("status=CANCELLED").at("/items/0/standing/scheduleStatus").isNull()).isTrue();
    }

    @Test
    void detailCarriesTheWholeStandingOfTodayInTheDistrict() {
        JsonNode detail = client.get().uri(PROJECTS + "/" + overdue.code()).headers(role(PlatformRoles.INTEGRATOR_READ))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(detail.get("code").asString()).isEqualTo(overdue.code());
        assertThat(detail.at("/standing/projectCode").asString()).isEqualTo(overdue.code());
        assertThat(detail.at("/standing/asOf").asString()).isEqualTo(BureauDay.today(clock).toString());
        assertThat(detail.at("/standing/scheduleStatus").asString()).isEqualTo("OVERDUE");
        assertThat(detail.at("/standing/disbursed/unit").asString()).isEqualTo("万元");
    }

    @Test
    void todayIsTheDistrictsDayNotUtcs() {
        // 16:30 UTC on 31 December is already 00:30 on 1 January in the district.
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        ZonedDateTime newYearsEve = ZonedDateTime.of(now.getYear(), 12, 31, 16, 30, 0, 0, ZoneOffset.UTC);
        if (!newYearsEve.isAfter(now)) {
            newYearsEve = newYearsEve.plusYears(1);
        }
        clock.advance(Duration.between(now, newYearsEve));
        int endingYear = newYearsEve.getYear();
        Project dueThisYear = ProjectFixtures.project().type(type).years(endingYear - 1, endingYear).store(template);

        JsonNode detail = client.get().uri(PROJECTS + "/" + dueThisYear.code()).headers(role(PlatformRoles.BUREAU_VIEWER))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(detail.at("/standing/asOf").asString()).isEqualTo(LocalDate.of(endingYear + 1, 1, 1).toString());
        assertThat(detail.at("/standing/scheduleStatus").asString()).isEqualTo("OVERDUE");
    }

    @Test
    void badFilterValuesAreProblemsNamingTheParameter() {
        for (String query : List.of("scheduleStatus=LATE", "status=DONE", "year=20225", "department=health",
                "sort=-budget", "delayedOnly=maybe")) {
            client.get().uri(PROJECTS + "?" + query).headers(role(PlatformRoles.BUREAU_VIEWER)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void csvExportHoldsTheFilteredListInOrderWithUnitsInTheHeadings() {
        byte[] file = client.get().uri(PROJECTS + "/export?format=csv&sort=-investment&type=" + type)
                .headers(role(PlatformRoles.INTEGRATOR_READ))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, ".*ecoplan-projects\\.csv.*")
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(file, 3, file.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("项目编号,项目类型,重点领域,项目名称,所在地,建设性质,开工年份,竣工年份,建设内容及规模,"
                + "总投资（万元）,COD削减（t/a）,TN削减（t/a）,TP削减（t/a）,氨氮削减（t/a）,VOCs削减（t/a）,NOx削减（t/a）,预计环境绩效,牵头单位,"
                + "配合单位,项目状态,进度状态,滞后天数（天）,形象进度（%）,资金进度（%）");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly(future.code(), longOverdue.code(), cancelled.code(), overdue.code(), completed.code());
        String overdueRow = lines.get(4);
        assertThat(overdueRow).startsWith(overdue.code() + "," + type + ",饮用水水源保护,测试项目,岳阳-岳阳楼区,续建,"
                + (thisYear - 7) + "," + (thisYear - 4) + ",测试内容。预计环境绩效：COD削减5吨/年。,100,5,,,,,,预计环境绩效：COD削减5吨/年。,"
                + "区水利局,岳阳市生态环境局岳阳楼分局,在建,逾期未完工,");
        assertThat(lines.get(3)).as("a cancelled project has no schedule status").contains(",取消,,");
    }

    @Test
    void xlsxExportTakesTheSameFilters() throws IOException {
        byte[] file = client.get().uri(PROJECTS + "/export?format=xlsx&delayedOnly=true&sort=slippage&type=" + type)
                .headers(role(PlatformRoles.BUREAU_VIEWER))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(9)).isEqualTo("总投资（万元）");
            assertThat(rows.get(0).getCellText(10)).isEqualTo("COD削减（t/a）");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).getCellText(0)).isEqualTo(overdue.code());
            assertThat(rows.get(1).getCellAsNumber(9)).hasValueSatisfying(value -> assertThat(value)
                    .isEqualByComparingTo("100"));
            assertThat(rows.get(1).getCellAsNumber(10)).hasValueSatisfying(value -> assertThat(value)
                    .isEqualByComparingTo("5"));
            assertThat(rows.get(2).getCellText(0)).isEqualTo(longOverdue.code());
        }
    }

    @Test
    void unknownExportFormatOrFilterIsABadRequest() {
        client.get().uri(PROJECTS + "/export?format=pdf").headers(role(PlatformRoles.BUREAU_VIEWER)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        client.get().uri(PROJECTS + "/export?format=csv&department=health").headers(role(PlatformRoles.BUREAU_VIEWER))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("department");
    }

    private List<String> codes(String query) {
        return list(query + "&size=200").get("items").valueStream().map(item -> item.get("code").asString()).toList();
    }

    private JsonNode list(String query) {
        return client.get().uri(PROJECTS + "?type=" + type + "&" + query).headers(role(PlatformRoles.BUREAU_VIEWER))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}

package org.ecoplan.project.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.BuildNature;
import org.ecoplan.project.catalog.ExpectedReductions;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Milestone;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.catalog.StatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One project planned for 2024-2025 (731 days, so the straight line gains 100/731 % a day), checked on days in 2024,
 * 2025 and 2026. Expected figures are worked out by hand: planned progress by the end of day d is
 * (days from 2024-01-01 to d inclusive) / 731, e.g. 91 days to 2024-03-31 give 12.4 %.
 */
class ScheduleAssessmentTest {

    private static final ScheduleThresholds THRESHOLDS = new ScheduleThresholds(Duration.ofDays(30),
            new BigDecimal("20"), new BigDecimal("10"), Duration.ofDays(120));

    private final ScheduleAssessment assessment = new ScheduleAssessment(THRESHOLDS);

    /**
     * @param project  the project as stored
     * @param reports  its reports, also those of later periods
     * @param day      the day asked about
     * @param status   the expected schedule status, null for none
     * @param slippage expected slippage days
     * @param reason   text the first reason's Chinese and English must each contain (by a "|")
     */
    record Case(String name, Project project, List<ProgressReport> reports, LocalDate day, ScheduleStatus status,
            long slippage, String reason) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Project building = project(ProjectStatus.UNDER_CONSTRUCTION, List.of(), change("PLANNED", "UNDER_CONSTRUCTION",
                "2024-01-15"));
        Project planned = project(ProjectStatus.PLANNED, List.of());
        return Stream.of(
                // 2024: progress against the straight line, reporting and milestones.
                new Case("ahead of the line", building, List.of(report("2024-Q1", "20")), day("2024-06-15"),
                        ScheduleStatus.ON_SCHEDULE, 0, "2024-Q1进度报告实际完成20%，按计划截至2024-03-31应完成12.4%"
                                + "|The 2024-Q1 report shows 20 % complete against 12.4 % planned by 2024-03-31"),
                new Case("10.9 points behind is at risk", building,
                        List.of(report("2024-Q1", "20"), report("2024-Q2", "14")), day("2024-08-15"),
                        ScheduleStatus.AT_RISK, 79, "落后10.9个百分点|10.9 points behind, 10 or more"),
                new Case("20.9 points behind is delayed", building, List.of(report("2024-Q2", "4")), day("2024-08-15"),
                        ScheduleStatus.DELAYED, 152, "截至2024-06-30应完成24.9%，落后20.9个百分点|20.9 points behind, 20 or more"),
                new Case("a report of a period not yet ended does not count", building,
                        List.of(report("2024-Q1", "20"), report("2024-Q2", "4")), day("2024-06-15"),
                        ScheduleStatus.ON_SCHEDULE, 0, "2024-Q1|2024-Q1"),
                new Case("no report for 245 days", building, List.of(report("2024-Q1", "20")), day("2024-12-01"),
                        ScheduleStatus.AT_RISK, 0, "最近的进度报告是2024-Q1（截至2024-03-31），已245天没有新报告，超过120天"
                                + "|none for 245 days, more than 120"),
                new Case("no report yet, 46 days into construction", building, List.of(), day("2024-03-01"),
                        ScheduleStatus.ON_SCHEDULE, 0, "没有逾期的节点|No milestone is overdue"),
                new Case("no report in 138 days of construction", building, List.of(), day("2024-06-01"),
                        ScheduleStatus.AT_RISK, 0, "自2024-01-15开工以来138天没有进度报告|138 days since construction "
                                + "began on 2024-01-15"),
                new Case("milestone 20 days late, within the grace", withMilestone(building, "2024-09-30", null),
                        List.of(report("2024-Q3", "40")), day("2024-10-20"), ScheduleStatus.AT_RISK, 20,
                        "节点“主体完工”计划于2024-09-30完成，已逾期20天，尚在30天宽限期内|Milestone “Main works” was due on "
                                + "2024-09-30 and is 20 days late, within the 30-day grace"),
                new Case("milestone 46 days late", withMilestone(building, "2024-09-30", null),
                        List.of(report("2024-Q3", "40")), day("2024-11-15"), ScheduleStatus.DELAYED, 46,
                        "已逾期46天，超过30天宽限期|46 days late, beyond the 30-day grace"),
                new Case("milestone reached late but reached", withMilestone(building, "2024-09-30", "2024-10-10"),
                        List.of(report("2024-Q3", "40")), day("2024-11-15"), ScheduleStatus.ON_SCHEDULE, 0,
                        "2024-Q3|2024-Q3"),
                new Case("milestone reached only after the day", withMilestone(building, "2024-09-30", "2024-11-20"),
                        List.of(report("2024-Q3", "40")), day("2024-11-15"), ScheduleStatus.DELAYED, 46,
                        "已逾期46天|46 days late"),
                new Case("a milestone's planned progress bends the line",
                        withMilestone(building, "2024-06-30", "2024-06-28", "60"), List.of(report("2024-Q2", "45")),
                        day("2024-07-10"), ScheduleStatus.AT_RISK, 45,
                        "截至2024-06-30应完成60.0%，落后15个百分点|against 60.0 % planned by 2024-06-30: 15 points behind"),
                new Case("suspended", transitioned(building, "UNDER_CONSTRUCTION", "SUSPENDED", "2024-05-01"),
                        List.of(report("2024-Q1", "20")), day("2024-06-01"), ScheduleStatus.AT_RISK, 0,
                        "项目自2024-05-01暂停|Suspended since 2024-05-01"),
                new Case("planned, not started, 8.3 % due", planned, List.of(), day("2024-03-01"),
                        ScheduleStatus.ON_SCHEDULE, 61, "尚未开工，按计划截至2024-03-01应完成8.3%|Not started, while 8.3 % "
                                + "was planned by 2024-03-01"),
                new Case("planned, not started, 16.7 % due", planned, List.of(), day("2024-05-01"),
                        ScheduleStatus.AT_RISK, 122, "应完成16.7%，落后16.7个百分点|16.7 points behind"),
                new Case("planned, not started, 33.5 % due", planned, List.of(), day("2024-09-01"),
                        ScheduleStatus.DELAYED, 245, "应完成33.5%，落后33.5个百分点|33.5 points behind"),
                new Case("planned before its start year", project(ProjectStatus.PLANNED, List.of(), 2025, 2026),
                        List.of(), day("2024-06-01"), ScheduleStatus.ON_SCHEDULE, 0,
                        "计划2025年开工，尚未到开工年份|Due to start in 2025"),
                // 2025: on the line near the end, completed in time, cancelled.
                new Case("4.8 points behind in mid 2025", building, List.of(report("2025-06", "70")), day("2025-08-01"),
                        ScheduleStatus.ON_SCHEDULE, 35, "截至2025-06-30应完成74.8%|74.8 % planned by 2025-06-30"),
                new Case("completed later, but judged before it was",
                        transitioned(building, "UNDER_CONSTRUCTION", "COMPLETED", "2025-11-20"),
                        List.of(report("2025-06", "70")), day("2025-08-01"), ScheduleStatus.ON_SCHEDULE, 35,
                        "2025-06|2025-06"),
                new Case("cancelled", transitioned(building, "UNDER_CONSTRUCTION", "CANCELLED", "2025-03-01"),
                        List.of(report("2024-Q4", "10")), day("2025-06-01"), null, 0,
                        "项目已于2025-03-01取消|Cancelled on 2025-03-01"),
                new Case("cancelled later, judged before", transitioned(building, "UNDER_CONSTRUCTION", "CANCELLED",
                        "2025-03-01"), List.of(report("2024-Q4", "10")), day("2025-01-15"), ScheduleStatus.DELAYED, 292,
                        "落后40.1个百分点|40.1 points behind"),
                // 2026: past the completion year.
                new Case("overdue", building, List.of(report("2025-Q4", "95")), day("2026-03-01"),
                        ScheduleStatus.OVERDUE, 60, "竣工年份2025年已过去60天，项目仍为“在建”状态|60 days past the end of "
                                + "its completion year 2025, and still under construction"),
                new Case("suspended and overdue", transitioned(building, "UNDER_CONSTRUCTION", "SUSPENDED",
                        "2025-10-01"), List.of(report("2025-Q3", "80")), day("2026-03-01"), ScheduleStatus.OVERDUE, 60,
                        "竣工年份2025年已过去60天，项目仍为“暂停”状态|and still suspended"),
                new Case("completed within its year", transitioned(building, "UNDER_CONSTRUCTION", "COMPLETED",
                        "2025-11-20"), List.of(report("2025-Q3", "80")), day("2026-03-01"), ScheduleStatus.ON_SCHEDULE,
                        0, "已于2025-11-20完工，未超过竣工年份2025年|Completed on 2025-11-20, within its completion year 2025"),
                new Case("accepted after completion within its year", transitioned(transitioned(building,
                        "UNDER_CONSTRUCTION", "COMPLETED", "2025-11-20"), "COMPLETED", "ACCEPTED", "2026-03-01"),
                        List.of(), day("2026-06-01"), ScheduleStatus.ON_SCHEDULE, 0, "已于2025-11-20完工|2025-11-20"),
                new Case("completed 41 days late", transitioned(building, "UNDER_CONSTRUCTION", "COMPLETED",
                        "2026-02-10"), List.of(), day("2026-06-01"), ScheduleStatus.DELAYED, 41,
                        "已于2026-02-10完工，比竣工年份2025年年底晚41天|Completed on 2026-02-10, 41 days after the end of its "
                                + "completion year 2025"),
                new Case("completed late, judged before completion", transitioned(building, "UNDER_CONSTRUCTION",
                        "COMPLETED", "2026-02-10"), List.of(), day("2026-01-20"),
                        ScheduleStatus.OVERDUE, 20, "已过去20天|20 days past"),
                new Case("completed without a recorded date", project(ProjectStatus.COMPLETED, List.of()), List.of(),
                        day("2026-06-01"), ScheduleStatus.ON_SCHEDULE, 0, "完工日期未记录|not recorded"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scheduleStatusSlippageAndReasonFollowTheRules(Case example) {
        ProjectStanding standing = assessment.standing(example.project(), example.reports(), example.day());

        assertThat(standing.scheduleStatus()).isEqualTo(example.status());
        assertThat(standing.slippageDays()).isEqualTo(example.slippage());
        String[] expected = example.reason().split("\\|");
        assertThat(standing.reasons()).isNotEmpty();
        assertThat(standing.reasons().get(0).zh()).contains(expected[0]);
        assertThat(standing.reasons().get(0).en()).contains(expected[1]);
        assertThat(standing.asOf()).isEqualTo(example.day());
        assertThat(standing.projectCode()).isEqualTo("P-TEST");
    }

    @Test
    void everyFindingIsAReasonWorstFirst() {
        Project late = withMilestone(project(ProjectStatus.UNDER_CONSTRUCTION, List.of()), "2025-12-15", null);

        ProjectStanding standing = assessment.standing(late, List.of(report("2025-Q2", "60")), day("2026-01-05"));

        assertThat(standing.scheduleStatus()).isEqualTo(ScheduleStatus.OVERDUE);
        assertThat(standing.reasons()).extracting(LocalizedName::en).satisfiesExactly(
                overdue -> assertThat(overdue).contains("5 days past the end of its completion year"),
                milestone -> assertThat(milestone).contains("21 days late, within the 30-day grace"),
                progress -> assertThat(progress).contains("60 % complete against 74.8 % planned by 2025-06-30: 14.8 "
                        + "points behind"),
                silence -> assertThat(silence).contains("none for 189 days, more than 120"));
    }

    @Test
    void standingCarriesTheLatestReportsFigures() {
        Project building = project(ProjectStatus.UNDER_CONSTRUCTION, List.of());
        ProgressReport q2 = new ProgressReport(null, "P-TEST", "2024-Q2", day("2024-04-01"), day("2024-06-30"),
                new BigDecimal("30"), new Investment(new BigDecimal("250"), "万元"),
                List.of(new Reduction(Pollutant.COD, new BigDecimal("2.5"), "t/a")), "征地延误", List.of(),
                Instant.parse("2024-07-05T02:00:00Z"), "env-editor", null, null, 0L);

        ProjectStanding standing = assessment.standing(building, List.of(report("2024-Q1", "10"), q2),
                day("2024-07-10"));

        assertThat(standing.latestReport()).isEqualTo("2024-Q2");
        assertThat(standing.physicalProgress()).isEqualByComparingTo("30");
        assertThat(standing.plannedProgress()).isEqualByComparingTo("26.3");
        assertThat(standing.disbursed()).isEqualTo(new Investment(new BigDecimal("250"), "万元"));
        assertThat(standing.financialProgress()).isEqualByComparingTo("25.0");
        assertThat(standing.achievedReductions()).containsExactly(
                new Reduction(Pollutant.COD, new BigDecimal("2.5"), "t/a"));
    }

    @Test
    void withoutReportsNothingIsDisbursedNorAchieved() {
        ProjectStanding standing = assessment.standing(project(ProjectStatus.PLANNED, List.of()), List.of(),
                day("2024-01-10"));

        assertThat(standing.latestReport()).isNull();
        assertThat(standing.physicalProgress()).isNull();
        assertThat(standing.disbursed().amount()).isZero();
        assertThat(standing.financialProgress()).isEqualByComparingTo("0.0");
        assertThat(standing.achievedReductions()).isEmpty();
    }

    @Test
    void financialProgressIsOneDecimalAndAbsentWithoutATotal() {
        Investment disbursed = new Investment(new BigDecimal("1"), "万元");

        assertThat(ScheduleAssessment.financialProgress(disbursed, new Investment(new BigDecimal("3"), "万元")))
            .isEqualTo(new BigDecimal("33.3"));
        assertThat(ScheduleAssessment.financialProgress(new Investment(new BigDecimal("2"), "万元"),
                new Investment(new BigDecimal("3"), "万元"))).isEqualTo(new BigDecimal("66.7"));
        assertThat(ScheduleAssessment.financialProgress(disbursed, new Investment(BigDecimal.ZERO, "万元"))).isNull();
    }

    @Test
    void ofAMonthlyAndAQuarterlyReportEndingTogetherTheOneReportedLastCounts() {
        ProgressReport quarter = report("2024-Q1", "20", "2024-04-03T00:00:00Z");
        ProgressReport march = report("2024-03", "22", "2024-04-08T00:00:00Z");

        assertThat(assessment.standing(project(ProjectStatus.UNDER_CONSTRUCTION, List.of()), List.of(march, quarter),
                day("2024-04-10")).latestReport()).isEqualTo("2024-03");
    }

    @Test
    void aReportCountsByItsPeriodAloneAndTextThatIsNoPeriodNotAtAll() {
        ProgressReport bare = new ProgressReport(null, "P-TEST", "2024-Q1", null, null, new BigDecimal("20"),
                new Investment(new BigDecimal("100"), "万元"), null, null, null, null, null, null, null, null);
        ProgressReport junk = new ProgressReport(null, "P-TEST", "spring 2024", null, null, new BigDecimal("90"),
                new Investment(new BigDecimal("900"), "万元"), null, null, null, null, null, null, null, null);

        ProjectStanding standing = assessment.standing(project(ProjectStatus.UNDER_CONSTRUCTION, List.of()),
                List.of(bare, junk), day("2024-04-01"));

        assertThat(standing.latestReport()).isEqualTo("2024-Q1");
        assertThat(assessment.standing(project(ProjectStatus.UNDER_CONSTRUCTION, List.of()), List.of(bare),
                day("2024-03-30")).latestReport()).isNull();
    }

    static Project project(ProjectStatus status, List<Milestone> milestones, StatusChange... history) {
        return project(status, milestones, 2024, 2025, history);
    }

    static Project project(ProjectStatus status, List<Milestone> milestones, int startYear, int completionYear,
            StatusChange... history) {
        return new Project("id", "P-TEST", "水生态环境提升", null, new LocalizedName("测试", null), "岳阳-岳阳楼区",
                BuildNature.NEW, startYear, completionYear, "测试", new Investment(new BigDecimal("1000"), "万元"),
                new ExpectedReductions(null, List.of()), "env", List.of(), status, List.of(history), milestones,
                List.of(), 3L);
    }

    private static Project withMilestone(Project project, String planned, String actual) {
        return withMilestone(project, planned, actual, null);
    }

    private static Project withMilestone(Project project, String planned, String actual, String progress) {
        Milestone milestone = new Milestone("m1", new LocalizedName("主体完工", "Main works"), day(planned),
                actual == null ? null : day(actual), null, progress == null ? null : new BigDecimal(progress));
        return new Project(project.id(), project.code(), project.type(), project.areaCode(), project.name(),
                project.location(), project.buildNature(), project.startYear(), project.completionYear(),
                project.content(), project.totalInvestment(), project.expectedReductions(), project.leadDepartment(),
                project.cooperatingDepartments(), project.status(), project.statusHistory(), List.of(milestone),
                project.modifications(), project.version());
    }

    private static Project transitioned(Project project, String from, String to, String date) {
        List<StatusChange> history = new ArrayList<>(project.statusHistory());
        history.add(change(from, to, date));
        return new Project(project.id(), project.code(), project.type(), project.areaCode(), project.name(),
                project.location(), project.buildNature(), project.startYear(), project.completionYear(),
                project.content(), project.totalInvestment(), project.expectedReductions(), project.leadDepartment(),
                project.cooperatingDepartments(), ProjectStatus.valueOf(to), history, project.milestones(),
                project.modifications(), project.version());
    }

    private static StatusChange change(String from, String to, String date) {
        return new StatusChange(ProjectStatus.valueOf(from), ProjectStatus.valueOf(to), day(date), "测试",
                Instant.parse("2024-01-01T00:00:00Z"), "tester");
    }

    static ProgressReport report(String period, String physical) {
        return report(period, physical, null);
    }

    private static ProgressReport report(String period, String physical, String reportedAt) {
        ReportingPeriod parsed = ReportingPeriod.parse(period);
        return new ProgressReport(null, "P-TEST", period, parsed.firstDay(), parsed.lastDay(), new BigDecimal(physical),
                new Investment(new BigDecimal("100"), "万元"), List.of(), null, List.of(),
                reportedAt == null ? parsed.lastDay().plusDays(5).atStartOfDay().toInstant(ZoneOffset.UTC)
                        : Instant.parse(reportedAt), "env-editor", null, null, 0L);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}

package org.ecoplan.project.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.BuildNature;
import org.ecoplan.project.catalog.ExpectedReductions;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.catalog.StatusChange;

/**
 * Four projects and their progress reports whose roll-ups are worked out by hand in the tests.
 * <pre>
 * T-A 水生态环境提升     water 2021-2025 10000 万元  COD 50, NH3-N 15 t/a  under construction since 2021-06-01
 * T-B 水生态环境提升     env   2021-2022  2000 万元  COD 10 t/a           completed 2022-11-30
 * T-C 重点区域大气环境治理 env   2023-2025  3000 万元  VOCs 30 t/a          planned
 * T-D 土壤管控与修复     land  2022-2025  4000 万元  none                 cancelled 2024-05-01
 * </pre>
 * Planned per year: T-A 2000 in 2021-2025, T-B 1000 in 2021-2022, T-C 1000 in 2023-2025, T-D 1000 in 2022-2025.
 */
final class PortfolioFixture {

    static final String WATER = "水生态环境提升";

    static final String AIR = "重点区域大气环境治理";

    static final String SOIL = "土壤管控与修复";

    static final List<Project> PROJECTS = List.of(
            project("T-A", WATER, "water", 2021, 2025, "10000", ProjectStatus.UNDER_CONSTRUCTION,
                    List.of(change(ProjectStatus.PLANNED, ProjectStatus.UNDER_CONSTRUCTION, "2021-06-01")),
                    reduction(Pollutant.COD, "50"), reduction(Pollutant.NH3_N, "15")),
            project("T-B", WATER, "env", 2021, 2022, "2000", ProjectStatus.COMPLETED,
                    List.of(change(ProjectStatus.PLANNED, ProjectStatus.UNDER_CONSTRUCTION, "2021-03-01"),
                            change(ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.COMPLETED, "2022-11-30")),
                    reduction(Pollutant.COD, "10")),
            project("T-C", AIR, "env", 2023, 2025, "3000", ProjectStatus.PLANNED, List.of(),
                    reduction(Pollutant.VOCS, "30")),
            project("T-D", SOIL, "land", 2022, 2025, "4000", ProjectStatus.CANCELLED,
                    List.of(change(ProjectStatus.PLANNED, ProjectStatus.CANCELLED, "2024-05-01"))));

    /** Disbursed to date in 万元 and achieved to date in t/a, as the lead departments report them. */
    static final List<Report> REPORTS = List.of(
            new Report("T-A", "2022-12", "3000", Map.of()),
            new Report("T-A", "2023-12", "5000", Map.of(Pollutant.COD, "10")),
            new Report("T-A", "2024-Q2", "6500", Map.of(Pollutant.COD, "20")),
            new Report("T-A", "2024-12", "8000", Map.of(Pollutant.COD, "30", Pollutant.NH3_N, "9")),
            new Report("T-A", "2025-12", "10000", Map.of(Pollutant.COD, "50", Pollutant.NH3_N, "15")),
            new Report("T-B", "2021-12", "800", Map.of()),
            new Report("T-B", "2022-12", "2000", Map.of(Pollutant.COD, "12")),
            new Report("T-C", "2024-06", "500", Map.of()),
            new Report("T-C", "2025-09", "1500", Map.of(Pollutant.VOCS, "5")),
            new Report("T-D", "2023-12", "300", Map.of()));

    private PortfolioFixture() {
    }

    static Project project(String code, String type, String department, int start, int completion,
            String investment, ProjectStatus status, List<StatusChange> history, Reduction... expected) {
        return new Project(null, code, type, null, new LocalizedName(code, null), "岳阳-岳阳楼区", BuildNature.NEW, start,
                completion, "", new Investment(new BigDecimal(investment), Investment.WAN_YUAN),
                new ExpectedReductions(expected.length == 0 ? null : "预计环境绩效", Arrays.asList(expected)),
                department, List.of(), status, history, List.of(), List.of(), null);
    }

    static Reduction reduction(Pollutant pollutant, String amount) {
        return new Reduction(pollutant, new BigDecimal(amount), ExpectedReductions.TONNES_PER_YEAR);
    }

    private static StatusChange change(ProjectStatus from, ProjectStatus to, String date) {
        return new StatusChange(from, to, LocalDate.parse(date), "fixture", null, "fixture");
    }

    /** A progress report; {@code 2024-Q2} is a quarter, every other period a month. */
    record Report(String project, String period, String disbursed, Map<Pollutant, String> achieved) {

        LocalDate end() {
            return period.contains("Q")
                    ? YearMonth.of(Integer.parseInt(period.substring(0, 4)), 3 * (period.charAt(6) - '0'))
                        .atEndOfMonth()
                    : YearMonth.parse(period).atEndOfMonth();
        }

        List<Reduction> achievedReductions() {
            return achieved.entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> reduction(entry.getKey(), entry.getValue()))
                .toList();
        }

        /** The document as the progress feature stores it in progress_reports. */
        Document document() {
            return new Document("projectCode", project).append("period", period)
                .append("physicalProgress", BigDecimal.TEN)
                .append("disbursedToDate",
                        new Document("amount", new BigDecimal(disbursed)).append("unit", Investment.WAN_YUAN))
                .append("achievedReductionsToDate", achievedReductions().stream()
                    .map(reduction -> new Document("pollutant", reduction.pollutant().name())
                        .append("amount", reduction.amount())
                        .append("unit", reduction.unit()))
                    .toList())
                .append("issues", "")
                .append("attachments", List.of());
        }
    }
}

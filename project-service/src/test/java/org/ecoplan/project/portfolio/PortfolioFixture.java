package org.ecoplan.project.portfolio;

import static org.ecoplan.project.ProjectFixtures.reduction;
import static org.ecoplan.project.ProjectFixtures.reductions;
import static org.ecoplan.project.ProjectFixtures.report;

import java.time.LocalDate;
import java.util.List;

import org.ecoplan.project.ProjectFixtures;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.catalog.StatusChange;
import org.ecoplan.project.progress.ProgressReport;

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
    static final List<ProgressReport> REPORTS = List.of(
            report("T-A", "2022-12", "3000", List.of()),
            report("T-A", "2023-12", "5000", reductions("COD=10")),
            report("T-A", "2024-Q2", "6500", reductions("COD=20")),
            report("T-A", "2024-12", "8000", reductions("COD=30,NH3_N=9")),
            report("T-A", "2025-12", "10000", reductions("COD=50,NH3_N=15")),
            report("T-B", "2021-12", "800", List.of()),
            report("T-B", "2022-12", "2000", reductions("COD=12")),
            report("T-C", "2024-06", "500", List.of()),
            report("T-C", "2025-09", "1500", reductions("VOCS=5")),
            report("T-D", "2023-12", "300", List.of()));

    private PortfolioFixture() {
    }

    static Project project(String code, String type, String department, int start, int completion,
            String investment, ProjectStatus status, List<StatusChange> history, Reduction... expected) {
        return ProjectFixtures.project().code(code).type(type).lead(department).years(start, completion)
            .investment(investment).status(status).history(history).expecting(expected).build();
    }

    private static StatusChange change(ProjectStatus from, ProjectStatus to, String date) {
        return new StatusChange(from, to, LocalDate.parse(date), "fixture", null, "fixture");
    }
}

package org.ecoplan.project.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ecoplan.common.spreadsheet.SpreadsheetTable;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.progress.ScheduleStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The (filtered) project list as a table for the bureau's spreadsheets: the columns of Table 4 in its words, the
 * parsed reductions one column per pollutant, the departments by name, and the standing today. Units stand in
 * the headings, so that every number cell is a plain number.
 */
@Component
class ProjectExport {

    static final List<String> HEADINGS = Stream.of(
            Stream.of("项目编号", "项目类型", "重点领域", "项目名称", "所在地", "建设性质", "开工年份", "竣工年份",
                    "建设内容及规模", "总投资（万元）"),
            Arrays.stream(Pollutant.values()).map(pollutant -> pollutant.spellings().get(0) + "削减（t/a）"),
            Stream.of("预计环境绩效", "牵头单位", "配合单位", "项目状态", "进度状态", "滞后天数（天）", "形象进度（%）",
                    "资金进度（%）"))
            .flatMap(headings -> headings)
            .toList();

    private final ProjectCatalog catalog;

    private final EngineeringAreas areas;

    private final ProjectProperties properties;

    ProjectExport(ProjectCatalog catalog, EngineeringAreas areas, ProjectProperties properties) {
        this.catalog = catalog;
        this.areas = areas;
        this.properties = properties;
    }

    /** @throws org.ecoplan.common.web.ApiProblem 400 as the list for an unknown department or sort field */
    Mono<SpreadsheetTable> table(ProjectFilter filter, String sort) {
        return areas.all().collectMap(EngineeringArea::code, area -> area.field().zh())
                .flatMap(fields -> catalog.all(filter, sort).map(listed -> row(listed, fields)).collectList())
                .map(rows -> new SpreadsheetTable("重点工程项目", HEADINGS, rows));
    }

    private List<Object> row(ListedProject listed, Map<String, String> areaFields) {
        Project project = listed.project();
        StandingSummary standing = listed.standing();
        Map<Pollutant, BigDecimal> reductions = project.expectedReductions().items().stream()
                .collect(Collectors.toMap(Reduction::pollutant, Reduction::amount));
        List<Object> row = new ArrayList<>();
        row.add(project.code());
        row.add(project.type());
        row.add(areaFields.get(project.areaCode()));
        row.add(project.name().zh());
        row.add(project.location());
        row.add(project.buildNature().label());
        row.add(project.startYear());
        row.add(project.completionYear());
        row.add(project.content());
        row.add(project.totalInvestment().amount());
        for (Pollutant pollutant : Pollutant.values()) {
            row.add(reductions.get(pollutant));
        }
        row.add(project.expectedReductions().text());
        row.add(properties.departmentName(project.leadDepartment()));
        row.add(project.cooperatingDepartments().stream().map(properties::departmentName)
                .collect(Collectors.joining("、")));
        row.add(project.status().label());
        ScheduleStatus schedule = standing.scheduleStatus();
        row.add(schedule == null ? null : schedule.label());
        row.add(standing.slippageDays());
        row.add(standing.physicalProgress());
        row.add(standing.financialProgress());
        return row;
    }
}

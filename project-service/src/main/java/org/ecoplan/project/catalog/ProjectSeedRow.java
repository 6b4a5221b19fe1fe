package org.ecoplan.project.catalog;

import java.util.List;

import org.ecoplan.common.i18n.LocalizedName;

/**
 * A row of the Table 4 seed file: the table's columns as printed. The expected reductions are not in
 * the file; they are read from {@code content}, so the file cannot disagree with the text it quotes.
 */
record ProjectSeedRow(
        String code,
        String type,
        LocalizedName name,
        String location,
        BuildNature buildNature,
        int startYear,
        int completionYear,
        String content,
        Investment totalInvestment,
        String leadDepartment) {

    Project toProject() {
        return new Project(null, code, type, null, name, location, buildNature, startYear, completionYear, content,
                totalInvestment, ExpectedReductionsParser.parse(content), leadDepartment, List.of(), initialStatus(),
                List.of(), List.of(), List.of(), null);
    }

    /** The plan is as of its adoption in 2021: works carried over from before are under way, new ones planned. */
    private ProjectStatus initialStatus() {
        return buildNature == BuildNature.NEW ? ProjectStatus.PLANNED : ProjectStatus.UNDER_CONSTRUCTION;
    }
}

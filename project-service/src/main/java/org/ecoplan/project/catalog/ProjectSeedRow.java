package org.ecoplan.project.catalog;

import java.util.List;

import org.ecoplan.common.i18n.LocalizedName;

/**
 * A row of the Table 4 seed file: the table's columns as printed, plus what the platform adds (the code, the
 * Table 3 area, the departments; the seed README says why each). The expected reductions are not in the file;
 * they are read from {@code content}, so the file cannot disagree with the text it quotes.
 */
record ProjectSeedRow(
        String code,
        String type,
        String areaCode,
        LocalizedName name,
        String location,
        BuildNature buildNature,
        int startYear,
        int completionYear,
        String content,
        Investment totalInvestment,
        String leadDepartment,
        List<String> cooperatingDepartments) {

    Project toProject() {
        return new Project(null, code, type, areaCode, name, location, buildNature, startYear, completionYear,
                content, totalInvestment, ExpectedReductionsParser.parse(content), leadDepartment,
                cooperatingDepartments, initialStatus(), List.of(), List.of(), List.of(), null);
    }

    /** The plan is as of its adoption in 2021: works carried over from before are under way, new ones planned. */
    private ProjectStatus initialStatus() {
        return buildNature == BuildNature.NEW ? ProjectStatus.PLANNED : ProjectStatus.UNDER_CONSTRUCTION;
    }
}

package org.ecoplan.project.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.i18n.LocalizedName;

/**
 * A new project as a client sends it. It enters the platform in the status its build nature implies; its
 * milestones, reports and later statuses come through their own endpoints. Departments and the area are checked
 * against what the platform knows (422).
 *
 * @param code               capitals, digits and single hyphens, like the seed's {@code P2021-09}
 * @param expectedReductions when absent, read from the "预计环境绩效：…" sentence of {@code content}, as for the seed
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ProjectDraft(
        @NotBlank @Size(max = 40)
        @Pattern(regexp = CODE_PATTERN, message = "must be capitals, digits and single hyphens, like P2021-09")
        String code,
        @NotBlank @Size(max = Project.MAX_SHORT_TEXT) String type,
        @NotBlank String areaCode,
        @NotNull LocalizedName name,
        @NotBlank @Size(max = Project.MAX_SHORT_TEXT) String location,
        @NotNull BuildNature buildNature,
        @NotNull @Min(Project.EARLIEST_YEAR) @Max(Project.LATEST_YEAR) Integer startYear,
        @NotNull @Min(Project.EARLIEST_YEAR) @Max(Project.LATEST_YEAR) Integer completionYear,
        @NotBlank @Size(max = Project.MAX_CONTENT) String content,
        @NotNull @Valid Investment totalInvestment,
        @Valid ExpectedReductions expectedReductions,
        @NotBlank String leadDepartment,
        List<@NotBlank String> cooperatingDepartments) {

    /** Capitals, so that codes never clash with the lower-case paths beside them (/areas, /export). */
    static final String CODE_PATTERN = "[A-Z][A-Z0-9]*(-[A-Z0-9]+)*";

    Project toProject() {
        return new Project(null, code, type, areaCode, name, location, buildNature, startYear, completionYear,
                content, totalInvestment,
                expectedReductions != null ? expectedReductions : ExpectedReductionsParser.parse(content),
                leadDepartment, cooperatingDepartments, buildNature.statusOnEntry(), List.of(), List.of(),
                List.of(), null);
    }
}

package org.ecoplan.project.catalog;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.ecoplan.common.i18n.LocalizedName;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key project of the plan (表4 重点工程项目) with everything that happened to it. Its history (transitions,
 * milestones, modifications) lives inside the one document, so that every change is a single-document write
 * guarded by {@code version}; progress reports, which grow without bound, live in their own collection.
 *
 * @param code                   stable natural key, {@code P2021-nn} in the order of Table 4
 * @param type                   项目类型, the project's group in Tables 3 and 4 (水生态环境提升 …)
 * @param areaCode               the Table 3 engineering area (重点领域) the project belongs to
 * @param location               所在地 as printed
 * @param content                建设内容及规模, the full text as printed
 * @param leadDepartment         department code of the lead unit ({@code env}, {@code dev}, {@code land},
 *                               {@code water}): its editors change the project
 * @param cooperatingDepartments the other units that work on it (section 六's 责任单位)
 * @param statusHistory          every transition, oldest first
 * @param modifications          every change of scope, budget or dates, oldest first
 * @param version                optimistic-locking version, the ETag
 */
@Document("projects")
public record Project(
        @Id @JsonIgnore String id,
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
        ExpectedReductions expectedReductions,
        String leadDepartment,
        List<String> cooperatingDepartments,
        ProjectStatus status,
        List<StatusChange> statusHistory,
        List<Milestone> milestones,
        List<Modification> modifications,
        @Version @JsonIgnore Long version) {

    /** The range of years a project may name: wide for any plan period, narrow enough to catch 20225. */
    public static final int EARLIEST_YEAR = 2000;

    public static final int LATEST_YEAR = 2100;

    /** Longest name, type or location accepted. */
    static final int MAX_SHORT_TEXT = 200;

    /** Longest 建设内容及规模 accepted; the plan's longest is about 250 characters. */
    static final int MAX_CONTENT = 5000;

    public Project {
        cooperatingDepartments = cooperatingDepartments == null ? List.of() : List.copyOf(cooperatingDepartments);
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        modifications = modifications == null ? List.of() : List.copyOf(modifications);
    }

    /**
     * The status the project had on {@code day}: that of the last transition dated up to it, the status before the
     * first one, or without a history the status it has.
     */
    public ProjectStatus statusOn(LocalDate day) {
        if (statusHistory.isEmpty()) {
            return status;
        }
        ProjectStatus then = statusHistory.get(0).from();
        for (StatusChange change : statusHistory) {
            if (change.date() == null || !change.date().isAfter(day)) {
                then = change.to();
            }
        }
        return then;
    }
}

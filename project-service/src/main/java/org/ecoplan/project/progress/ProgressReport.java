package org.ecoplan.project.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Investment;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A progress report of a project's lead department for one period (monthly or quarterly): one document per
 * project and period, guarded by a unique index on both. Figures are "to date": each report states the whole
 * progress so far, so the latest report alone says where the project stands. A report whose money goes backwards
 * or whose reductions exceed the expected ones is kept as reported; data quality points at it.
 *
 * @param period                   {@link ReportingPeriod} as text, e.g. {@code 2024-03} or {@code 2024-Q1}
 * @param periodEnd                the last day of the period, from when the report counts
 * @param physicalProgress         percent of the works complete, 0-100
 * @param disbursedToDate          investment disbursed since the project began, in 万元
 * @param achievedReductionsToDate reductions achieved so far, per pollutant in t/a
 * @param issues                   problems the department reports, free text
 * @param correctedAt              when the report was last corrected, null while it is as first reported
 * @param version                  optimistic-locking version, the ETag
 */
@Document(ProgressReport.COLLECTION)
public record ProgressReport(
        @Id @JsonIgnore String id,
        String projectCode,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        BigDecimal physicalProgress,
        Investment disbursedToDate,
        List<Reduction> achievedReductionsToDate,
        String issues,
        List<Attachment> attachments,
        Instant reportedAt,
        String reportedBy,
        Instant correctedAt,
        String correctedBy,
        @Version @JsonIgnore Long version) {

    public static final String COLLECTION = "progress_reports";

    public ProgressReport {
        achievedReductionsToDate = achievedReductionsToDate == null ? List.of() : List.copyOf(achievedReductionsToDate);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}

package org.ecoplan.project.progress;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param schedule    where the schedule status changes
 * @param attachments what a progress report may carry
 */
@Validated
@ConfigurationProperties("ecoplan.progress")
public record ProgressProperties(@NotNull @Valid @DefaultValue ScheduleThresholds schedule,
        @NotNull @Valid @DefaultValue Attachments attachments) {

    /**
     * @param maxSize  the largest file accepted; a scanned acceptance record of some dozens of pages or a phone photo
     *                 stays below 20 MB
     * @param maxCount files per report; the report is a summary, not the project's archive
     */
    public record Attachments(@NotNull @DefaultValue("20MB") DataSize maxSize,
            @Min(1) @Max(100) @DefaultValue("10") int maxCount) {
    }
}

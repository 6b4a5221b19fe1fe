package org.ecoplan.project.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.ecoplan.common.i18n.LocalizedName;

/**
 * A dated step of a project (开工, 主体完工, 竣工验收 …).
 *
 * @param key             stable within the project, e.g. {@code m1}; names may be reworded
 * @param plannedDate     when the step is due; moving it is a modification
 * @param actualDate      when it was reached, null until then
 * @param plannedProgress percent complete the project should have on {@code plannedDate}, null when the step says
 *                        nothing about it; the planned progress curve passes through it
 */
public record Milestone(String key, LocalizedName name, LocalDate plannedDate, LocalDate actualDate, String note,
        BigDecimal plannedProgress) {

    public Milestone(String key, LocalizedName name, LocalDate plannedDate, LocalDate actualDate, String note) {
        this(key, name, plannedDate, actualDate, note, null);
    }
}

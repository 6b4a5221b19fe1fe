package org.ecoplan.project.catalog;

import java.time.LocalDate;

import org.ecoplan.common.i18n.LocalizedName;

/**
 * A dated step of a project (开工, 主体完工, 竣工验收 …).
 *
 * @param key         stable within the project, e.g. {@code m1}; names may be reworded
 * @param plannedDate when the step is due; moving it is a modification
 * @param actualDate  when it was reached, null until then
 */
public record Milestone(String key, LocalizedName name, LocalDate plannedDate, LocalDate actualDate, String note) {
}

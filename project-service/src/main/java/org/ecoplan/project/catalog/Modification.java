package org.ecoplan.project.catalog;

import java.time.Instant;

/**
 * A change of a project's scope, budget or dates, kept with its before and after values so that nothing is
 * overwritten silently (OC4IDS modifications).
 *
 * @param field  the changed field as the API names it, e.g. {@code totalInvestment}, {@code completionYear},
 *               {@code milestones.m2.plannedDate}
 * @param before the value before, as text (a plain decimal, ISO date or the text itself); null when it was unset
 * @param after  the value after, as text; null when it was removed
 */
public record Modification(String field, String before, String after, String reason, Instant at, String by) {
}

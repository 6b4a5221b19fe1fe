package org.ecoplan.project.catalog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One transition in a project's life, kept in the project's history.
 *
 * @param date   the day it took effect, as the reporting department states it
 * @param reason why, required on every transition
 * @param at     when it was recorded
 * @param by     the username of who recorded it
 */
public record StatusChange(ProjectStatus from, ProjectStatus to, LocalDate date, String reason, Instant at,
        String by) {
}

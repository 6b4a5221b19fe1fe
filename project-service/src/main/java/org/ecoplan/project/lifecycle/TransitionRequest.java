package org.ecoplan.project.lifecycle;

import java.time.LocalDate;

import org.ecoplan.project.catalog.ProjectStatus;

/**
 * A request to move a project to another status.
 *
 * @param date   the day it took effect; today (Beijing time) when absent
 * @param reason why; required, since the history is read by people who were not there
 */
record TransitionRequest(ProjectStatus to, LocalDate date, String reason) {
}

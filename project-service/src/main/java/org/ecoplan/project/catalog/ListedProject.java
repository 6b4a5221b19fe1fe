package org.ecoplan.project.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A project in the list: the stored record and where it stands today. */
public record ListedProject(@JsonUnwrapped Project project, StandingSummary standing) {
}

package org.ecoplan.project.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ecoplan.project.progress.ProjectStanding;

/** One project with its full standing today. */
public record ProjectDetail(@JsonUnwrapped Project project, ProjectStanding standing) {
}

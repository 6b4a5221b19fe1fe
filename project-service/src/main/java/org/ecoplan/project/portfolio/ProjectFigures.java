package org.ecoplan.project.portfolio;

import java.time.LocalDate;
import java.util.Map;

import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.progress.ProjectStanding;

/**
 * A project with its standings on the days the portfolio needs: {@link PortfolioRollUp#cutOffs}.
 */
record ProjectFigures(Project project, Map<LocalDate, ProjectStanding> standings) {

    ProjectFigures {
        standings = Map.copyOf(standings);
    }

    ProjectStanding on(LocalDate date) {
        ProjectStanding standing = standings.get(date);
        if (standing == null) {
            throw new IllegalArgumentException("no standing of " + project.code() + " on " + date);
        }
        return standing;
    }
}

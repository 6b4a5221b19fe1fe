package org.ecoplan.gateway.overview;

import org.ecoplan.gateway.routing.Downstream;

/**
 * One section of the overview: the summary a service already publishes, under the name the portal reads.
 */
enum OverviewPart {

    INDICATORS("indicators", Downstream.INDICATOR, "/api/v1/indicators/summary"),

    PROJECTS("projects", Downstream.PROJECT, "/api/v1/projects/portfolio"),

    EMERGENCY_PLANS("emergencyPlans", Downstream.RISK, "/api/v1/emergency-plans/summary");

    private final String key;

    private final Downstream service;

    private final String path;

    OverviewPart(String key, Downstream service, String path) {
        this.key = key;
        this.service = service;
        this.path = path;
    }

    String key() {
        return key;
    }

    Downstream service() {
        return service;
    }

    String path() {
        return path;
    }
}

package org.ecoplan.project.catalog;

/**
 * Where a project stands in its life, after the OC4IDS project status codelist in the bureau's words. Which
 * status may follow which is the lifecycle's business, not this list's.
 */
public enum ProjectStatus {
    PLANNED("计划"),
    UNDER_CONSTRUCTION("在建"),
    COMPLETED("完工"),
    /** 竣工验收: the acceptance inspection after completion, the end of a project's life on the platform. */
    ACCEPTED("竣工验收"),
    SUSPENDED("暂停"),
    CANCELLED("取消");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

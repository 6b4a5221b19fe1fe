package org.ecoplan.project.catalog;

/** 建设性质: where a project stands at the start of the plan period. */
public enum BuildNature {
    NEW("新建"),
    /** 续建: a later phase of works begun under an earlier plan. */
    CONTINUED("续建"),
    UNDER_CONSTRUCTION("在建");

    private final String label;

    BuildNature(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The status a project enters the platform with: works carried over from before are under way, new ones
     * planned. Later statuses are the lifecycle's business.
     */
    public ProjectStatus statusOnEntry() {
        return this == NEW ? ProjectStatus.PLANNED : ProjectStatus.UNDER_CONSTRUCTION;
    }
}

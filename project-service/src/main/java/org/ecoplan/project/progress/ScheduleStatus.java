package org.ecoplan.project.progress;

/** Whether a project keeps to its schedule on a given day, computed, never entered. */
public enum ScheduleStatus {
    ON_SCHEDULE("正常推进"),
    AT_RISK("存在风险"),
    DELAYED("进度滞后"),
    /** Past its completion year and not completed. */
    OVERDUE("逾期未完工");

    private final String label;

    ScheduleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

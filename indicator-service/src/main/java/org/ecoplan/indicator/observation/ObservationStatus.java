package org.ecoplan.indicator.observation;

/** Where an observation stands in its approval (审核). Only approved values count for progress. */
public enum ObservationStatus {
    /** 待审核: entered by an editor, waiting for eco-admin. */
    SUBMITTED("待审核"),
    /** 已审核: approved and locked; a correction is a new observation. */
    APPROVED("已审核"),
    /** 已退回: sent back with a reason; the editor may revise it, which submits it again. */
    RETURNED("已退回");

    private final String label;

    ObservationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

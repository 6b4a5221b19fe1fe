package org.ecoplan.indicator.progress;

/**
 * Where an indicator stands against its 2025 target (目标进展), after Open SDG's progress statuses (REFERENCE §7),
 * plus the two states the plan's own target types need.
 */
public enum ProgressStatus {
    /** 已达标: the latest approved value meets the target (for 不降低 and 巩固提升: the baseline still holds). */
    ACHIEVED("已达标"),
    /** 进展顺利: moving at 95 % or more of the pace the target needs. Open SDG: substantial progress. */
    ON_TRACK("进展顺利"),
    /** 需加快进度: moving the right way at 60-95 % of the needed pace. Open SDG: moderate progress. */
    NEEDS_ACCELERATION("需加快进度"),
    /** 进展有限: below 60 % of the needed pace, or standing still. Open SDG: limited progress. */
    LIMITED("进展有限"),
    /** 退步: moving away from the target, or no longer holding the baseline. Open SDG: deterioration. */
    DETERIORATING("退步"),
    /** 无法评估: no approved value yet, or no baseline to measure the pace from. */
    NOT_AVAILABLE("无法评估"),
    /** 待市级下达: a 市级下达指标 whose figure the city has not assigned yet. */
    AWAITING_TARGET("待市级下达");

    private final String label;

    ProgressStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the bureau can leave the indicator alone: met already, or on course to be met. */
    public boolean onTrack() {
        return this == ACHIEVED || this == ON_TRACK;
    }
}

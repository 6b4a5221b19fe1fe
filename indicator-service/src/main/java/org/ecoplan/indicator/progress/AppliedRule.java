package org.ecoplan.indicator.progress;

/** Which of {@link ProgressRule}'s rules decided a status, shown beside it so that a reader can retrace it. */
public enum AppliedRule {
    /** 市级下达指标 without the city's figure: {@link ProgressStatus#AWAITING_TARGET}. */
    AWAITING_CITY_FIGURE,
    /** No approved value in the years counted: {@link ProgressStatus#NOT_AVAILABLE}. */
    NO_APPROVED_DATA,
    /** The target is not met and there is no baseline to measure the pace from: not available. */
    NO_BASELINE,
    /** The target is not met and the only approved value is from the baseline year: not available. */
    NO_DATA_AFTER_BASELINE,
    /** The latest value meets the target: {@link ProgressStatus#ACHIEVED}. */
    TARGET_MET,
    /** The target is the baseline itself and the latest value is worse: {@link ProgressStatus#DETERIORATING}. */
    TARGET_EQUALS_BASELINE,
    /** Open SDG's ratio of compound annual growth rates. Rates are fractions per year (-0.0114 = -1.14 %/a). */
    CAGR_RATIO,
    /** The ratio of linear annual changes, where a zero or a change of sign breaks the growth rate. Rates are in
     *  the indicator's unit per year. */
    LINEAR_RATIO,
    /** 不降低 / 巩固提升: achieved while the latest value is not worse than the baseline, deteriorating otherwise. */
    NOT_WORSE_THAN_BASELINE
}

package org.ecoplan.indicator.progress;

import java.math.BigDecimal;

import org.ecoplan.common.i18n.LocalizedName;

/**
 * Something in the plan or its data the bureau should look at before trusting a progress status.
 *
 * @param evidence the figures the finding rests on, shaped by its kind
 */
public record QualityFinding(Kind kind, Severity severity, String indicatorCode, LocalizedName message,
        Evidence evidence) {

    public enum Kind {
        /** A target on the wrong side of its baseline: higher-is-better below it, lower-is-better above it. */
        TARGET_WORSE_THAN_BASELINE,
        /** The plan's text states a different 2025 target from Table 2. */
        TEXT_TABLE_MISMATCH,
        /** An observation the entry validation flagged as a statistical outlier. */
        OUTLIER_OBSERVATION
    }

    public enum Severity {
        /** 提示: explained or already decided; worth knowing when reading a status. */
        INFO,
        /** 警告: unexplained or undecided; someone has to act. */
        WARNING
    }

    /** The figures behind a finding. */
    public sealed interface Evidence permits TargetEvidence, TextEvidence, FlaggedObservation {
    }

    /** The table's baseline and target, and its 备注 where one explains the row. */
    public record TargetEvidence(AnnualValue baseline, Goal target, String footnote) implements Evidence {
    }

    /** What the text says, where, and what Table 2 says instead. */
    public record TextEvidence(PlanTextClaim text, BigDecimal tableTarget) implements Evidence {
    }
}

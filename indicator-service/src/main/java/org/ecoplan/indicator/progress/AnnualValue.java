package org.ecoplan.indicator.progress;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One year's value of an indicator and where it comes from, so that every number a progress report shows can be
 * traced to the plan's table or to the observation an approver signed off.
 *
 * @param observationId the approved observation the value is; null for the plan's Table 2
 */
public record AnnualValue(int year, BigDecimal value, Source source, String observationId) {

    public AnnualValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    /** The 2020年情况 column of the plan's Table 2. */
    public static AnnualValue planTable(int year, BigDecimal value) {
        return new AnnualValue(year, value, Source.PLAN_TABLE, null);
    }

    /** An approved observation; {@code derived} when a standard computed it from monitoring data. */
    public static AnnualValue approved(int year, BigDecimal value, String observationId, boolean derived) {
        return new AnnualValue(year, value, derived ? Source.DERIVED_OBSERVATION : Source.APPROVED_OBSERVATION,
                observationId);
    }

    public enum Source {
        /** The plan's Table 2 (表2 生态环境保护指标). */
        PLAN_TABLE,
        /** An observation entered by an editor and approved by eco-admin. */
        APPROVED_OBSERVATION,
        /** An observation computed by a national standard from imported monitoring data (HJ 663 for PM2.5). */
        DERIVED_OBSERVATION
    }
}

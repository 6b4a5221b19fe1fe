package org.ecoplan.indicator.observation;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 监测值: one value of an indicator for one period, with where it came from and where it stands in approval.
 *
 * @param unit the indicator's unit when the value was entered, so a later change of the indicator's unit cannot
 *        reinterpret it
 * @param source 数据来源, e.g. 岳阳市生态环境监测中心
 * @param method how the value was obtained, e.g. 自动监测年均值
 * @param outlier whether the value is a statistical outlier against the indicator's approved history; it is
 *        accepted, the flag is for the approver
 * @param outlierReason the rule's finding when {@code outlier}
 * @param derivation for values a standard computed from monitoring data; null for values entered by people
 * @param importId the bulk import it arrived with, if any
 * @param submittedBy the submitter's username
 * @param submittedBySubject the submitter's token subject, which the four-eyes rule compares (usernames may
 *        change)
 * @param decidedBy the approver's username, or {@code derived:<kind>} for a derived value
 * @param returnReason 退回原因, while {@link ObservationStatus#RETURNED}
 */
@Document("observations")
public record Observation(@Id String id, String indicatorCode, Period period, BigDecimal value, String unit,
        String source, String method, String note, ObservationStatus status, boolean outlier, String outlierReason,
        Derivation derivation, String importId, String submittedBy, String submittedBySubject, Instant submittedAt,
        String decidedBy, Instant decidedAt, String returnReason, @Version Long version) {

    public boolean isDerived() {
        return derivation != null;
    }

    Observation approved(String by, Instant at) {
        return new Observation(id, indicatorCode, period, value, unit, source, method, note,
                ObservationStatus.APPROVED, outlier, outlierReason, derivation, importId, submittedBy,
                submittedBySubject, submittedAt, by, at, null, version);
    }

    Observation returned(String reason, String by, Instant at) {
        return new Observation(id, indicatorCode, period, value, unit, source, method, note,
                ObservationStatus.RETURNED, outlier, outlierReason, derivation, importId, submittedBy,
                submittedBySubject, submittedAt, by, at, reason, version);
    }
}

package org.ecoplan.risk.enterprise;

import java.time.Instant;

import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.risk.grading.GradeView;
import org.ecoplan.risk.grading.RiskLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One grading of an enterprise, kept for its grading history: each change of its risk sources adds one.
 *
 * @param by who changed the sources; null as shown to integrators
 * @param previousLevel the level before; null for the first grading
 * @param grade the full result: Q, M, E and level per medium, the adjustment and the code
 */
@Document("gradings")
public record GradingRecord(@Id String id, String enterpriseId, Instant at, AuditEntry.Actor by,
        RiskLevel previousLevel, RiskLevel riskLevel, GradeView grade) {

    /** The grading as shown to a caller who does not see people: without who graded. */
    GradingRecord withoutBy() {
        return new GradingRecord(id, enterpriseId, at, null, previousLevel, riskLevel, grade);
    }
}

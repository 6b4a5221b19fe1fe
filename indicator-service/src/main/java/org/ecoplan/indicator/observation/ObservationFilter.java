package org.ecoplan.indicator.observation;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The optional filters of the observation lists; absent ones match everything.
 *
 * @param indicatorCode one indicator's observations
 * @param status e.g. {@code SUBMITTED}: the approval queue
 * @param outlier only values flagged (true) or not flagged (false) as outliers
 * @param importId the observations of one bulk import
 */
public record ObservationFilter(String indicatorCode, ObservationStatus status, Boolean outlier, String importId) {

    ObservationFilter forIndicator(String code) {
        return new ObservationFilter(code, status, outlier, importId);
    }

    Criteria criteria() {
        Criteria criteria = new Criteria();
        if (indicatorCode != null) {
            criteria = criteria.and("indicatorCode").is(indicatorCode);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (outlier != null) {
            criteria = criteria.and("outlier").is(outlier);
        }
        if (importId != null) {
            criteria = criteria.and("importId").is(importId);
        }
        return criteria;
    }
}

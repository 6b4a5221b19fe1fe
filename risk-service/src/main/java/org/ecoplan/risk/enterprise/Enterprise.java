package org.ecoplan.risk.enterprise;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.risk.grading.RiskLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enterprise the bureau supervises for environmental risk.
 *
 * @param id                    the platform's id, {@code E-<county code>-<serial>}; enterprise accounts carry it
 *                              as their token's {@code enterprise_id}
 * @param creditCode            统一社会信用代码, the natural key
 * @param supervisingDepartment code of the supervising department ({@code env} …)
 * @param riskLevel             the current HJ 941 level of its last grading; null until graded
 */
@Document("enterprises")
public record Enterprise(
        @Id String id,
        LocalizedName name,
        String creditCode,
        String address,
        Industry industry,
        String supervisingDepartment,
        RiskLevel riskLevel) {
}

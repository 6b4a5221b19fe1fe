package org.ecoplan.risk.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Parameter;
import org.ecoplan.risk.grading.RiskLevel;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The search and filters of the enterprise list and export; every given one must hold.
 *
 * @param name part of the Chinese or English name, any case
 * @param creditCode the whole unified social credit code
 * @param industry a GB/T 4754-2017 code or its start ({@code C26} for all of 化学原料和化学制品制造业)
 * @param department the supervising department
 * @param keySupervision on the key-supervision list (重点监管) or not
 * @param riskLevel the current HJ 941-2018 level
 */
public record EnterpriseFilter(
        @Parameter(description = "part of the Chinese or English name, any case") String name,
        @Parameter(description = "the whole unified social credit code") String creditCode,
        @Parameter(description = "GB/T 4754-2017 code or its start, e.g. C26") String industry,
        @Parameter(description = "supervising department code, e.g. env") String department,
        @Parameter(description = "on the key-supervision list (重点监管)") Boolean keySupervision,
        @Parameter(description = "current HJ 941-2018 level: GENERAL (一般), LARGER (较大) or MAJOR (重大)")
        RiskLevel riskLevel) {

    public static final EnterpriseFilter NONE = new EnterpriseFilter(null, null, null, null, null, null);

    /** This filter within {@code scope}, as one criteria. */
    Criteria within(EnterpriseScope scope) {
        List<Criteria> all = new ArrayList<>();
        if (!scope.criteria().getCriteriaObject().isEmpty()) {
            all.add(scope.criteria());
        }
        if (hasText(name)) {
            String contains = Pattern.quote(name.strip());
            all.add(new Criteria().orOperator(Criteria.where("name.zh").regex(contains, "i"),
                    Criteria.where("name.en").regex(contains, "i")));
        }
        if (hasText(creditCode)) {
            all.add(Criteria.where("creditCode").is(creditCode.strip()));
        }
        if (hasText(industry)) {
            all.add(Criteria.where("industry.code").regex("^" + Pattern.quote(industry.strip())));
        }
        if (hasText(department)) {
            all.add(Criteria.where("supervisingDepartment").is(department.strip()));
        }
        if (keySupervision != null) {
            all.add(Criteria.where("keySupervision").is(keySupervision));
        }
        if (riskLevel != null) {
            all.add(Criteria.where("riskLevel").is(riskLevel));
        }
        return switch (all.size()) {
            case 0 -> new Criteria();
            case 1 -> all.get(0);
            default -> new Criteria().andOperator(all);
        };
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

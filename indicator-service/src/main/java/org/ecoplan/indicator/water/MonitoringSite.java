package org.ecoplan.indicator.water;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.ecoplan.common.i18n.LocalizedName;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 地表水监测断面（点位）: a lake, river or reservoir the bureau samples. The plan's water bodies are seeded from
 * {@code seed/water-sites.json}.
 *
 * @param code          natural key, e.g. {@code DONGTINGHU}
 * @param targetClass   the class the plan holds the water to, where it names one; otherwise null
 * @param targetBasis   the plan's words behind {@code targetClass}
 * @param location      where it is sampled; null while unknown (the plan gives no coordinates)
 * @param planReference where the plan names the water body
 * @param version       raised by every change; the ETag
 */
@Document("water_sites")
public record MonitoringSite(@Id @JsonIgnore String id, String code, LocalizedName name, Waterbody waterbody,
        WaterQualityClass targetClass, String targetBasis, Location location, String planReference, long version) {

    /** Whether the annual class meets the plan's target; null without a target or a class. */
    Boolean meetsTarget(WaterQualityClass annualClass) {
        return targetClass == null || annualClass == null ? null : !annualClass.isWorseThan(targetClass);
    }

    /** WGS 84 degrees. */
    public record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {
    }
}

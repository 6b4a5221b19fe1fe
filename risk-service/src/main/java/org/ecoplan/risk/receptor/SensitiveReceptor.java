package org.ecoplan.risk.receptor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.ecoplan.common.i18n.LocalizedName;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 敏感保护目标: a place an environmental emergency must be kept from (a drinking-water source, a school, a
 * hospital, a residential area, a nature reserve), as one point.
 *
 * @param code the natural key, e.g. {@code DW-MABU}
 * @param approximate whether the point is an estimate (seeded points are, until surveyed)
 * @param note where the point lies for an area (a reserve is a polygon in reality)
 * @param version optimistic-locking version, sent as the ETag
 */
@Document("receptors")
public record SensitiveReceptor(
        @Id @JsonIgnore String id,
        String code,
        LocalizedName name,
        ReceptorType type,
        Coordinates location,
        boolean approximate,
        String note,
        @Version Long version) {
}

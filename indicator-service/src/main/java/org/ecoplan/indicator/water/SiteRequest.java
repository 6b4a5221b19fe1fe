package org.ecoplan.indicator.water;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.indicator.water.MonitoringSite.Location;

/**
 * A monitoring site as a client creates or replaces it. {@code code} is its identity: a replacement must repeat
 * it.
 */
record SiteRequest(
        @NotNull @Pattern(regexp = "[A-Z0-9]+(-[A-Z0-9]+)*", message = "must be upper-case letters and digits in "
                + "groups joined by '-', e.g. DONGTINGHU") @Size(max = 40) String code,
        @NotNull LocalizedName name,
        @NotNull Waterbody waterbody,
        WaterQualityClass targetClass,
        @Size(max = 500) String targetBasis,
        @Valid Location location,
        @Size(max = 500) String planReference) {

    MonitoringSite toSite(String id, long version) {
        return new MonitoringSite(id, code, name, waterbody, targetClass, targetBasis, location, planReference,
                version);
    }

    /** Whether {@code site} already is what this request asks for, so that repeating a create changes nothing. */
    boolean describes(MonitoringSite site) {
        return toSite(site.id(), site.version()).equals(site);
    }
}

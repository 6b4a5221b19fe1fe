package org.ecoplan.risk.receptor;

import org.ecoplan.common.i18n.LocalizedName;

/**
 * A receptor near a point.
 *
 * @param distanceKm great-circle distance from the point, in km, to the metre
 */
public record NearbyReceptor(String code, LocalizedName name, ReceptorType type, Coordinates location,
        boolean approximate, double distanceKm) {
}

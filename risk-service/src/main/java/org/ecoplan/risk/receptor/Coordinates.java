package org.ecoplan.risk.receptor;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * A point in WGS-84 degrees (the datum of GPS and of the national map service's public coordinates converted to
 * it), east longitude and north latitude positive.
 */
public record Coordinates(
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude) {

    /** The mean Earth radius of IUGG, the usual choice for great-circle distances. */
    private static final double EARTH_RADIUS_KM = 6371.0088;

    /**
     * The great-circle distance by the haversine formula: within 0.5 % of the ellipsoidal distance, ample for
     * "which receptors lie within 5 km", and computed here because no geo query may be used.
     */
    public double distanceKm(Coordinates other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}

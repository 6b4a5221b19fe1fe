package org.ecoplan.risk.receptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoordinatesTest {

    /** Great-circle distances on a sphere of 6371.0088 km, checked by hand (1° of arc is 111.1951 km). */
    @ParameterizedTest(name = "({0}, {1}) to ({2}, {3}) is {4} km")
    @CsvSource({
            "113.176, 29.446, 113.176, 29.446, 0",
            "113.0, 29.0, 113.0, 30.0, 111.1951",
            "113.0, 29.0, 113.0, 28.99, 1.1120",
            "0, 0, 1, 0, 111.1951",
            "0, 60, 1, 60, 55.5958",
            "116.4074, 39.9042, 121.4737, 31.2304, 1067.31",
            "-179.5, 0, 179.5, 0, 111.1951" })
    void measuresTheGreatCircleDistance(double lon1, double lat1, double lon2, double lat2, double km) {
        Coordinates from = new Coordinates(lon1, lat1);
        Coordinates to = new Coordinates(lon2, lat2);

        assertThat(from.distanceKm(to)).isCloseTo(km, within(0.01));
        assertThat(to.distanceKm(from)).isCloseTo(km, within(0.01));
    }
}

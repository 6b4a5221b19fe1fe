package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * 小时值 One station-hour of monitoring data as a file reports it; a null concentration is a missing value.
 *
 * @param hour the start of the hour, local time
 */
public record HourlyMeasurement(String station, LocalDateTime hour, BigDecimal so2, BigDecimal no2,
        BigDecimal pm10, BigDecimal pm25, BigDecimal co, BigDecimal o3) {

    /**
     * Monitoring data are stamped in Beijing time (the CSV contract), and days are Beijing days. China keeps
     * no daylight saving, so local hours are stored as they come.
     */
    public static final ZoneId LOCAL_TIME = ZoneId.of("Asia/Shanghai");

    static HourlyMeasurement of(String station, LocalDateTime hour, BigDecimal[] values) {
        return new HourlyMeasurement(station, hour, values[0], values[1], values[2], values[3], values[4], values[5]);
    }

    /** The natural key: one value per station and hour. */
    String key() {
        return station + "/" + hour;
    }

    BigDecimal value(Pollutant pollutant) {
        return switch (pollutant) {
            case SO2 -> so2;
            case NO2 -> no2;
            case PM10 -> pm10;
            case PM2_5 -> pm25;
            case CO -> co;
            case O3 -> o3;
        };
    }
}

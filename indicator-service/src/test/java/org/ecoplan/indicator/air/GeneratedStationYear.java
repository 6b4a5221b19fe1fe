package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.BiFunction;

/**
 * A made-up but plausible year of hourly data for one station, with gaps where the standards' validity rules bite:
 * PM2.5 misses 03:00 every day (23 values, still valid); CO misses 00:00-04:00 on every 30th day of the year (19
 * values: not valid); O3 misses 18:00-23:00 on every 45th day (13 valid 8 h windows: not valid).
 */
final class GeneratedStationYear {

    static final String HEADER = "station,time,so2,no2,pm10,pm25,co,o3\n";

    private GeneratedStationYear() {
    }

    static String csv(String station, int year) {
        return csv(station, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), GeneratedStationYear::value);
    }

    /** Every hour of the days from..to with every value missing, as a station sends them to take its data back. */
    static String withoutValues(String station, LocalDate from, LocalDate to) {
        return csv(station, from, to, (pollutant, hour) -> null);
    }

    private static String csv(String station, LocalDate from, LocalDate to,
            BiFunction<Pollutant, LocalDateTime, BigDecimal> values) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (LocalDateTime hour = from.atStartOfDay(); hour.isBefore(to.plusDays(1).atStartOfDay()); hour = hour
            .plusHours(1)) {
            csv.append(station).append(',').append(hour);
            for (Pollutant pollutant : Pollutant.values()) {
                BigDecimal value = values.apply(pollutant, hour);
                csv.append(',').append(value == null ? "" : value.toPlainString());
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static BigDecimal value(Pollutant pollutant, LocalDateTime time) {
        int d = time.getDayOfYear();
        int h = time.getHour();
        return switch (pollutant) {
            case SO2 -> BigDecimal.valueOf(5 + (d * 7 + h) % 20);
            case NO2 -> BigDecimal.valueOf(20 + (d * 3 + h * 5) % 40);
            case PM10 -> BigDecimal.valueOf(40 + (d * 11 + h) % 90);
            case PM2_5 -> h == 3 ? null : BigDecimal.valueOf(10 + d % 80 + h % 5).add(new BigDecimal("0.5"));
            case CO -> d % 30 == 0 && h <= 4 ? null
                    : new BigDecimal("0.4").add(BigDecimal.valueOf((d + h) % 10, 1)).add(BigDecimal.valueOf(h % 3, 3));
            case O3 -> d % 45 == 0 && h >= 18 ? null : BigDecimal.valueOf(30 + d % 20 + (h >= 10 && h <= 17 ? 100 + d % 60 : 0));
        };
    }

    /** The 24 h mean computed here, independently of the service: plain BigDecimal, half-even as GB/T 8170. */
    static BigDecimal dailyMean(Pollutant pollutant, LocalDate date) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (int h = 0; h < 24; h++) {
            BigDecimal value = value(pollutant, date.atTime(h, 0));
            if (value != null) {
                sum = sum.add(value);
                count++;
            }
        }
        return count < 20 ? null
                : sum.divide(BigDecimal.valueOf(count), pollutant == Pollutant.CO ? 1 : 0, RoundingMode.HALF_EVEN);
    }

    /** The daily maximum 8 h O3 by brute force over the 17 windows. */
    static BigDecimal o3EightHourMax(LocalDate date) {
        double best = -1;
        int valid = 0;
        for (int last = 7; last <= 23; last++) {
            double sum = 0;
            int count = 0;
            for (int h = last - 7; h <= last; h++) {
                BigDecimal value = value(Pollutant.O3, date.atTime(h, 0));
                if (value != null) {
                    sum += value.doubleValue();
                    count++;
                }
            }
            if (count >= 6) {
                valid++;
                best = Math.max(best, sum / count);
            }
        }
        return valid < 14 ? null : BigDecimal.valueOf(best).setScale(0, RoundingMode.HALF_EVEN);
    }
}

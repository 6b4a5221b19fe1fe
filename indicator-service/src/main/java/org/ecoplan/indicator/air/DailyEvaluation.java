package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Daily values from hourly ones (HJ 663-2013 §6, GB 3095-2012 Table 4) and the daily AQI (HJ 633-2012).
 * <ul>
 * <li>SO2, NO2, PM10, PM2.5, CO: the 24 h mean of the day's hourly values, valid with at least
 * {@link DataValidity#hoursPerDay()} of them.</li>
 * <li>O3: the daily maximum 8 h mean over the windows of hours k-7..k for k = 7..23 of the day (the means ending
 * 08:00 to 24:00); a window counts with at least {@link DataValidity#hoursPerWindow()} values, the day needs
 * {@link DataValidity#windowsPerDay()} such windows. The daily maximum 1 h value, which HJ 633's daily report also
 * indexes, is taken when the 8 h maximum is valid.</li>
 * </ul>
 * Means are exact until they are reported: the sum is divided once and rounded by GB/T 8170.
 */
public final class DailyEvaluation {

    private static final int WINDOW = 8;

    private final AirStandards standards;

    public DailyEvaluation(AirStandards standards) {
        this.standards = standards;
    }

    public DailyAirQuality evaluate(DayOfHours day) {
        DataValidity validity = standards.validityOn(day.date());
        ItemConcentrations daily = new ItemConcentrations();
        Map<Pollutant, Integer> hourlyValues = new EnumMap<>(Pollutant.class);
        for (Pollutant pollutant : Pollutant.all()) {
            BigDecimal sum = BigDecimal.ZERO;
            int count = 0;
            for (int hour = 0; hour < DayOfHours.HOURS; hour++) {
                BigDecimal value = day.value(pollutant, hour);
                if (value != null) {
                    sum = sum.add(value);
                    count++;
                }
            }
            hourlyValues.put(pollutant, count);
            if (pollutant != Pollutant.O3 && count >= validity.hoursPerDay()) {
                daily.setReported(AqiItem.of(pollutant, Averaging.DAY), pollutant.reportedMean(sum, count));
            }
        }
        int validWindows = dailyMaximumO3(day, validity, daily);
        boolean valid = true;
        for (Pollutant pollutant : Pollutant.all()) {
            valid &= daily.has(AqiItem.of(pollutant, pollutant == Pollutant.O3 ? Averaging.EIGHT_HOURS : Averaging.DAY));
        }
        AqiResult aqi = valid ? standards.aqiOn(day.date()).daily(daily) : null;
        return new DailyAirQuality(day.date(), valid, daily, hourlyValues, validWindows, aqi);
    }

    /** Sets O3_8H and O3_1H when the day has enough valid windows; answers the number of valid windows. */
    private static int dailyMaximumO3(DayOfHours day, DataValidity validity, ItemConcentrations daily) {
        BigDecimal maxSum = null;
        int maxCount = 0;
        int validWindows = 0;
        for (int last = WINDOW - 1; last < DayOfHours.HOURS; last++) {
            BigDecimal sum = BigDecimal.ZERO;
            int count = 0;
            for (int hour = last - WINDOW + 1; hour <= last; hour++) {
                BigDecimal value = day.value(Pollutant.O3, hour);
                if (value != null) {
                    sum = sum.add(value);
                    count++;
                }
            }
            if (count < validity.hoursPerWindow()) {
                continue;
            }
            validWindows++;
            // sum / count > maxSum / maxCount, compared exactly by cross-multiplying
            if (maxSum == null || sum.multiply(BigDecimal.valueOf(maxCount))
                .compareTo(maxSum.multiply(BigDecimal.valueOf(count))) > 0) {
                maxSum = sum;
                maxCount = count;
            }
        }
        if (validWindows >= validity.windowsPerDay()) {
            daily.setReported(AqiItem.O3_8H, Pollutant.O3.reportedMean(maxSum, maxCount));
            BigDecimal maxHour = BigDecimal.ZERO;
            for (int hour = 0; hour < DayOfHours.HOURS; hour++) {
                BigDecimal value = day.value(Pollutant.O3, hour);
                if (value != null && value.compareTo(maxHour) > 0) {
                    maxHour = value;
                }
            }
            daily.set(AqiItem.O3_1H, maxHour);
        }
        return validWindows;
    }
}

package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Daily AQI computations per second on one core: from a day's values (the calculator's work) and from a day's 24
 * hourly values (validity, 24 h means, O3 8 h windows, then the AQI), over varied made-up days.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AqiBenchmark {

    private static final int DAYS = 1024;

    private final ItemConcentrations[] dailyValues = new ItemConcentrations[DAYS];

    private final DayOfHours[] hourlyValues = new DayOfHours[DAYS];

    private Aqi aqi;

    private DailyEvaluation dailyEvaluation;

    private int next;

    @Setup
    public void makeDays() {
        AirStandards standards = AirStandards.load();
        aqi = standards.aqiOn(LocalDate.of(2024, 1, 1));
        dailyEvaluation = new DailyEvaluation(standards);
        Random random = new Random(42);
        for (int i = 0; i < DAYS; i++) {
            dailyValues[i] = new ItemConcentrations()
                .setReported(AqiItem.SO2_24H, random.nextInt(200))
                .setReported(AqiItem.NO2_24H, random.nextInt(150))
                .setReported(AqiItem.PM10_24H, random.nextInt(400))
                .setReported(AqiItem.PM2_5_24H, random.nextInt(300))
                .setReported(AqiItem.CO_24H, random.nextInt(50))
                .setReported(AqiItem.O3_8H, random.nextInt(300))
                .setReported(AqiItem.O3_1H, random.nextInt(400));
            DayOfHours day = new DayOfHours(LocalDate.of(2024, 1, 1).plusDays(i % 366));
            for (int hour = 0; hour < DayOfHours.HOURS; hour++) {
                for (Pollutant pollutant : Pollutant.values()) {
                    // about one value in fifty missing, as monitors drop out
                    if (random.nextInt(50) > 0) {
                        day.put(hour, pollutant, BigDecimal.valueOf(random.nextInt(2000), pollutant.scale() + 1));
                    }
                }
            }
            hourlyValues[i] = day;
        }
    }

    @Benchmark
    public AqiResult dailyAqiFromDailyValues() {
        return aqi.daily(dailyValues[next++ & (DAYS - 1)]);
    }

    @Benchmark
    public DailyAirQuality dailyAqiFromHourlyValues() {
        return dailyEvaluation.evaluate(hourlyValues[next++ & (DAYS - 1)]);
    }
}

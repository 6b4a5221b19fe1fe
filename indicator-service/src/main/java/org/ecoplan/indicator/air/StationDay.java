package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * How the hourly data of one station on one local day are stored: one document
 * {@code {_id: "<station>/<date>", station, date: "yyyy-MM-dd", hours: {"00": {so2, no2, pm10, pm25, co, o3}, ...}}}
 * holding the hours reported so far, a missing value absent. One document per station-day rather than per hour,
 * because every evaluation reads whole days and a station-year is then 365 writes instead of 8,760.
 * <p>
 * The natural key of a value stays station + hour: an import replaces exactly the hours it brings ({@code $set} of
 * {@code hours.HH}), so importing the same hours again changes nothing, and two imports of different hours of one
 * day never overwrite each other. The date is text: it sorts and compares as dates do and carries no time zone.
 * Concentrations are Decimal128, exact as reported.
 */
final class StationDay {

    static final String COLLECTION = "airStationDays";

    static final String STATION = "station";

    static final String DATE = "date";

    static final String HOURS = "hours";

    private static final String[] FIELDS = { "so2", "no2", "pm10", "pm25", "co", "o3" };

    private StationDay() {
    }

    static String id(String station, LocalDate date) {
        return station + "/" + date;
    }

    /** The key of an hour in {@code hours}: {@code "08"}. */
    static String hourKey(int hour) {
        return hour < 10 ? "0" + hour : String.valueOf(hour);
    }

    /**
     * The {@code $set} that replaces exactly the given hours (keyed by {@link #hourKey}) of the day {@code id}.
     * A day given whole replaces {@code hours} at once, which is the same and writes faster than 24 paths.
     */
    static Document replacing(String id, Document hours) {
        int slash = id.lastIndexOf('/');
        Document set = new Document(STATION, id.substring(0, slash)).append(DATE, id.substring(slash + 1));
        if (hours.size() == DayOfHours.HOURS) {
            return set.append(HOURS, hours);
        }
        hours.forEach((key, hour) -> set.append(HOURS + "." + key, hour));
        return set;
    }

    /** The stored form of one hour's concentrations. */
    static Document hour(HourlyMeasurement measurement) {
        Document hour = new Document();
        for (Pollutant pollutant : Pollutant.all()) {
            BigDecimal value = measurement.value(pollutant);
            if (value != null) {
                hour.append(FIELDS[pollutant.ordinal()], new Decimal128(value));
            }
        }
        return hour;
    }

    /** The stored day as the daily evaluation takes it. */
    static DayOfHours toDayOfHours(Document stored) {
        DayOfHours day = new DayOfHours(LocalDate.parse(stored.getString(DATE)));
        Document hours = stored.get(HOURS, Document.class);
        if (hours != null) {
            hours.forEach((key, value) -> {
                Document hour = (Document) value;
                int index = Integer.parseInt(key);
                for (Pollutant pollutant : Pollutant.all()) {
                    Decimal128 concentration = hour.get(FIELDS[pollutant.ordinal()], Decimal128.class);
                    if (concentration != null) {
                        day.put(index, pollutant, concentration.bigDecimalValue());
                    }
                }
            });
        }
        return day;
    }
}

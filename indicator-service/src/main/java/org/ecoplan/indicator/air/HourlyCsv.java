package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ecoplan.common.spreadsheet.SpreadsheetReader;
import org.ecoplan.common.spreadsheet.SpreadsheetReader.Row;

/**
 * Reads an hourly monitoring file: the header {@code station,time,so2,no2,pm10,pm25,co,o3}, then one row per
 * station-hour; time is the start of the hour in local time (Asia/Shanghai) as ISO-8601 without an offset, an empty
 * cell is a missing value. Concentrations in µg/m³, CO in mg/m³. Every bad row is reported, by line number, so
 * that the sender can fix the file in one go.
 */
public final class HourlyCsv {

    public static final List<String> HEADER = List.of("station", "time", "so2", "no2", "pm10", "pm25", "co", "o3");

    /**
     * Far above anything a station measures (Table 1 ends at 3840 µg/m³), and low enough that no reported value
     * overflows the integer arithmetic of the IAQI.
     */
    static final BigDecimal MAX_CONCENTRATION = BigDecimal.valueOf(100_000);

    /** Monitors report to 0.001 at most; the cap keeps every value exact in MongoDB's Decimal128. */
    private static final int MAX_DECIMALS = 6;

    private static final int MAX_STATION_LENGTH = 64;

    private HourlyCsv() {
    }

    /** A row that cannot be imported, and why. */
    public record BadRow(int line, String column, String message) {
    }

    /** The rows of a file that had no bad row, or every bad row of one that had. */
    public record Parsed(List<HourlyMeasurement> rows, List<BadRow> badRows) {
    }

    /** @param rows the file's rows as {@link SpreadsheetReader#csv} reads them: blank lines left out */
    public static Parsed parse(List<Row> rows) {
        if (rows.isEmpty()) {
            return new Parsed(List.of(), List.of(new BadRow(1, null, "the file is empty; it must start with the header "
                    + String.join(",", HEADER))));
        }
        Row header = rows.get(0);
        if (!header.cells().stream().map(String::trim).toList().equals(HEADER)) {
            return new Parsed(List.of(), List.of(new BadRow(header.line(), null,
                    "the header must be " + String.join(",", HEADER))));
        }
        if (rows.size() == 1) {
            return new Parsed(List.of(), List.of(new BadRow(header.line() + 1, null, "the file has no data rows")));
        }
        List<HourlyMeasurement> measurements = new ArrayList<>(rows.size() - 1);
        List<BadRow> bad = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row line : rows.subList(1, rows.size())) {
            HourlyMeasurement measurement = row(line.line(), line.cells(), bad);
            if (measurement != null) {
                Integer earlier = seen.putIfAbsent(measurement.key(), line.line());
                if (earlier != null) {
                    bad.add(new BadRow(line.line(), "time", "repeats the station and hour of line " + earlier));
                }
                measurements.add(measurement);
            }
        }
        return bad.isEmpty() ? new Parsed(measurements, List.of()) : new Parsed(List.of(), bad);
    }

    private static HourlyMeasurement row(int line, List<String> cells, List<BadRow> bad) {
        if (cells.size() != HEADER.size()) {
            bad.add(new BadRow(line, null, "has " + cells.size() + " cells, the header " + HEADER.size()));
            return null;
        }
        int badBefore = bad.size();
        String station = cells.get(0).trim();
        if (station.isEmpty() || station.length() > MAX_STATION_LENGTH) {
            bad.add(new BadRow(line, "station", "must name the station in 1 to " + MAX_STATION_LENGTH
                    + " characters"));
        }
        LocalDateTime hour = hour(line, cells.get(1).trim(), bad);
        BigDecimal[] values = new BigDecimal[Pollutant.all().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = concentration(line, HEADER.get(i + 2), cells.get(i + 2).trim(), bad);
        }
        return bad.size() == badBefore ? HourlyMeasurement.of(station, hour, values) : null;
    }

    private static LocalDateTime hour(int line, String text, List<BadRow> bad) {
        try {
            LocalDateTime hour = parseLocalTime(text);
            if (hour.getMinute() != 0 || hour.getSecond() != 0 || hour.getNano() != 0) {
                bad.add(new BadRow(line, "time", "must be the start of an hour (got '" + text + "')"));
                return null;
            }
            return hour;
        }
        catch (DateTimeException ex) {
            bad.add(new BadRow(line, "time", "must be a local date and hour like 2024-01-01T08:00, without offset (got '"
                    + abbreviate(text) + "')"));
            return null;
        }
    }

    /**
     * ISO-8601 local date-time. The two shapes monitoring exports use ({@code 2024-01-01T08:00}, with or without
     * {@code :00} seconds) are read digit by digit: java.time's general parser took a third of an import's time.
     */
    static LocalDateTime parseLocalTime(String text) {
        int length = text.length();
        if ((length == 16 || length == 19 && text.charAt(16) == ':') && text.charAt(4) == '-'
                && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':') {
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                    digits(text, 11, 13), digits(text, 14, 16), length == 19 ? digits(text, 17, 19) : 0);
        }
        return LocalDateTime.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("Not a digit at " + i + ": " + text);
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static BigDecimal concentration(int line, String column, String text, List<BadRow> bad) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0 || value.compareTo(MAX_CONCENTRATION) > 0) {
                bad.add(new BadRow(line, column, "must lie between 0 and " + MAX_CONCENTRATION + " (got '" + text
                        + "')"));
                return null;
            }
            if (value.scale() > MAX_DECIMALS) {
                bad.add(new BadRow(line, column, "must have at most " + MAX_DECIMALS + " decimals (got '"
                        + abbreviate(text) + "')"));
                return null;
            }
            return value;
        }
        catch (NumberFormatException ex) {
            bad.add(new BadRow(line, column, "must be a number or empty (got '" + abbreviate(text) + "')"));
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

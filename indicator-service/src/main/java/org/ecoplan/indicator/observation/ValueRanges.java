package org.ecoplan.indicator.observation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plausible range of an observation's value by its unit (a percentage outside 0-100 cannot be right), read
 * from {@value #RESOURCE}: the ranges are data, so the bureau changes a bound without touching code.
 */
public final class ValueRanges {

    static final String RESOURCE = "/standards/ecoplan-value-ranges-v1.csv";

    private static final String HEADER = "unit,min,max,basis";

    private final Map<String, Range> byUnit;

    private ValueRanges(Map<String, Range> byUnit) {
        this.byUnit = Map.copyOf(byUnit);
    }

    /** The ranges the service applies. */
    public static ValueRanges standard() {
        try (InputStream in = ValueRanges.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return read(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
        }
    }

    /** Lines starting with {@code #} are the file's header; then {@value #HEADER}. */
    static ValueRanges read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, Range> ranges = new LinkedHashMap<>();
        boolean headerSeen = false;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (!headerSeen) {
                if (!line.strip().equals(HEADER)) {
                    throw new IllegalStateException("Value ranges must start with " + HEADER + ", not " + line);
                }
                headerSeen = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalStateException("Value range line needs 4 cells: " + line);
            }
            Range range = new Range(cells[0].strip(), decimal(cells[1]), decimal(cells[2]), cells[3].strip());
            if (ranges.put(range.unit(), range) != null) {
                throw new IllegalStateException("Unit " + range.unit() + " is listed twice");
            }
        }
        return new ValueRanges(ranges);
    }

    private static BigDecimal decimal(String cell) {
        return cell.isBlank() ? null : new BigDecimal(cell.strip());
    }

    /** Units an indicator may have. */
    public Set<String> units() {
        return byUnit.keySet();
    }

    public boolean knows(String unit) {
        return byUnit.containsKey(unit);
    }

    /** Why {@code value} cannot be right in {@code unit}; empty when it is in range (or the unit has no range). */
    public Optional<String> violation(String unit, BigDecimal value) {
        Range range = byUnit.get(unit);
        if (range == null) {
            return Optional.empty();
        }
        if (range.min() != null && value.compareTo(range.min()) < 0) {
            return Optional.of(value.toPlainString() + " " + unit + " is below " + range.min().toPlainString()
                    + ": " + range.basis());
        }
        if (range.max() != null && value.compareTo(range.max()) > 0) {
            return Optional.of(value.toPlainString() + " " + unit + " is above " + range.max().toPlainString()
                    + ": " + range.basis());
        }
        return Optional.empty();
    }

    /** Inclusive bounds; null where open. */
    private record Range(String unit, BigDecimal min, BigDecimal max, String basis) {
    }
}

package org.ecoplan.indicator.progress;

import java.math.BigDecimal;
import java.util.List;

/**
 * The bands of the progress ratio R (REFERENCE §7) and the status each earns, read from a standards file that
 * names its source, so that a reviewer can check 0.95 and 0.6 against Open SDG's published method without reading
 * code.
 */
public final class ProgressThresholds {

    /** Open SDG's bands for quantitative targets. */
    public static final String OPEN_SDG = "/standards/open-sdg-progress-measure.csv";

    private static final List<String> REQUIRED_HEADERS = List.of("standard", "version", "effective-from",
            "effective-to", "source");

    /** Highest band first, each ending where the one above it starts. */
    private final List<Band> bands;

    private ProgressThresholds(List<Band> bands) {
        this.bands = bands;
    }

    public static ProgressThresholds openSdg() {
        return read(OPEN_SDG);
    }

    /** Reads a bands file from the class path; fails unless the bands cover every ratio exactly once. */
    static ProgressThresholds read(String resource) {
        List<Band> bands = DataFile.rows(resource, "status,ratio_from,ratio_below,open_sdg_status", REQUIRED_HEADERS)
            .stream()
            .map(row -> new Band(ProgressStatus.valueOf(row.get(0)), bound(row.get(1)), bound(row.get(2))))
            .toList();
        BigDecimal top = null;
        for (Band band : bands) {
            if (!sameBound(band.below(), top)) {
                throw new IllegalStateException(resource + ": band " + band.status()
                        + " does not end where the band above it starts");
            }
            top = band.from();
        }
        if (bands.isEmpty() || top != null) {
            throw new IllegalStateException(resource + ": the lowest band must be open downwards");
        }
        return new ProgressThresholds(bands);
    }

    /** The status of a progress ratio: lower bounds inclusive, as Open SDG compares them. */
    public ProgressStatus statusFor(BigDecimal ratio) {
        return bands.stream()
            .filter(band -> band.from() == null || ratio.compareTo(band.from()) >= 0)
            .findFirst()
            .orElseThrow()
            .status();
    }

    /** An empty cell is an open end. */
    private static BigDecimal bound(String cell) {
        return cell.isEmpty() ? null : new BigDecimal(cell);
    }

    private static boolean sameBound(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private record Band(ProgressStatus status, BigDecimal from, BigDecimal below) {
    }
}

package org.ecoplan.indicator.air;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HJ 633-2012 Table 1 with its notes: the concentration breakpoints of each item's individual air quality index
 * (空气质量分指数, IAQI), read from {@code hj633-2012-iaqi.csv} and {@code hj633-2012-table1-notes.csv}.
 * <p>
 * IAQI = (IAQI_hi - IAQI_lo) / (BP_hi - BP_lo) × (C - BP_lo) + IAQI_lo (HJ 633-2012 §4.2), rounded up to an
 * integer, computed exactly in integers of the reporting precision so that no floating-point residue can push a
 * breakpoint into the next integer.
 */
public final class IaqiTable {

    /** What {@link #iaqi} answers for a concentration above the last breakpoint of an item with a note. */
    public static final int NOT_COMPUTED = -1;

    private static final int ITEMS = AqiItem.all().length;

    private final StandardEdition edition;

    private final int[][] breakpoints = new int[ITEMS][];

    private final int[][] indexes = new int[ITEMS][];

    private final Map<AqiItem, Table1Note> notes;

    private final int scaleTop;

    private IaqiTable(StandardEdition edition, Map<AqiItem, List<int[]>> rows, Map<AqiItem, Table1Note> notes) {
        this.edition = edition;
        this.notes = notes;
        int top = 0;
        for (Map.Entry<AqiItem, List<int[]>> item : rows.entrySet()) {
            List<int[]> points = item.getValue();
            int[] concentration = new int[points.size()];
            int[] index = new int[points.size()];
            for (int i = 0; i < points.size(); i++) {
                index[i] = points.get(i)[0];
                concentration[i] = points.get(i)[1];
                if (i > 0 && (index[i] <= index[i - 1] || concentration[i] <= concentration[i - 1])) {
                    throw new IllegalStateException(item.getKey().code() + ": breakpoints must rise");
                }
            }
            if (index[0] != 0 || concentration[0] != 0) {
                throw new IllegalStateException(item.getKey().code() + ": the first breakpoint must be 0 at IAQI 0");
            }
            breakpoints[item.getKey().ordinal()] = concentration;
            indexes[item.getKey().ordinal()] = index;
            top = Math.max(top, index[index.length - 1]);
        }
        this.scaleTop = top;
        for (AqiItem item : rows.keySet()) {
            int[] index = indexes[item.ordinal()];
            boolean endsBelowTop = index[index.length - 1] < top;
            if (endsBelowTop != notes.containsKey(item)) {
                throw new IllegalStateException(item.code() + ": a column ending below IAQI " + top
                        + " needs a note for higher concentrations, and only such a column");
            }
        }
        notes.forEach((item, note) -> {
            if (note.above() != breakpoints[item.ordinal()][breakpoints[item.ordinal()].length - 1]) {
                throw new IllegalStateException(item.code() + ": the note must start at the last breakpoint");
            }
        });
    }

    static IaqiTable read(String tableFile, String notesFile) {
        StandardFile table = StandardFile.read(tableFile);
        Map<AqiItem, List<int[]>> rows = new EnumMap<>(AqiItem.class);
        for (StandardFile.Row row : table.rows()) {
            Pollutant pollutant = row.pollutantInItsUnit();
            AqiItem item = AqiItem.of(pollutant, row.averaging("averaging"));
            rows.computeIfAbsent(item, key -> new ArrayList<>())
                .add(new int[] { row.integer("iaqi"), pollutant.reportedExactly(row.decimal("concentration")) });
        }
        StandardFile noteFile = StandardFile.read(notesFile);
        Map<AqiItem, Table1Note> notes = new EnumMap<>(AqiItem.class);
        for (StandardFile.Row row : noteFile.rows()) {
            Pollutant pollutant = row.pollutant();
            AqiItem item = AqiItem.of(pollutant, row.averaging("averaging"));
            notes.put(item, new Table1Note(item, pollutant.reportedExactly(row.decimal("above")),
                    AqiItem.of(pollutant, row.averaging("use_instead")), row.text("clause")));
        }
        return new IaqiTable(table.edition(), rows, notes);
    }

    public StandardEdition edition() {
        return edition;
    }

    /** Whether Table 1 has a column for the item. */
    public boolean has(AqiItem item) {
        return breakpoints[item.ordinal()] != null;
    }

    /** The highest IAQI of the table (500). */
    public int scaleTop() {
        return scaleTop;
    }

    /**
     * The IAQI of a concentration given at reporting precision ({@link Pollutant#reported}). A concentration on a
     * breakpoint takes that breakpoint's IAQI exactly. Above the last breakpoint the answer is {@link #NOT_COMPUTED}
     * for an item with a note, and {@link #scaleTop()} otherwise: Table 1 gives no formula beyond IAQI 500, so the
     * index is reported at its top and {@link #aboveScale} says so.
     */
    public int iaqi(AqiItem item, int reported) {
        int[] concentration = breakpoints[item.ordinal()];
        int[] index = indexes[item.ordinal()];
        for (int upper = 1; upper < concentration.length; upper++) {
            if (reported <= concentration[upper]) {
                long rise = (long) (index[upper] - index[upper - 1]) * (reported - concentration[upper - 1]);
                long run = concentration[upper] - concentration[upper - 1];
                return index[upper - 1] + (int) ((rise + run - 1) / run);
            }
        }
        return notes.containsKey(item) ? NOT_COMPUTED : scaleTop;
    }

    /** Whether the concentration lies beyond the last breakpoint of the item's column. */
    public boolean aboveScale(AqiItem item, int reported) {
        int[] concentration = breakpoints[item.ordinal()];
        return reported > concentration[concentration.length - 1];
    }

    /** The note that applies above the item's last breakpoint, if Table 1 has one. */
    public Optional<Table1Note> note(AqiItem item) {
        return Optional.ofNullable(notes.get(item));
    }

    /** The breakpoints of an item as (IAQI, concentration at reporting precision) pairs, for reports and tests. */
    public List<int[]> breakpoints(AqiItem item) {
        List<int[]> points = new ArrayList<>();
        for (int i = 0; i < breakpoints[item.ordinal()].length; i++) {
            points.add(new int[] { indexes[item.ordinal()][i], breakpoints[item.ordinal()][i] });
        }
        return points;
    }

    /**
     * A note to Table 1: above {@code above} the item's IAQI is not computed and the pollutant's IAQI comes from
     * {@code useInstead}.
     */
    public record Table1Note(AqiItem item, int above, AqiItem useInstead, String clause) {
    }
}

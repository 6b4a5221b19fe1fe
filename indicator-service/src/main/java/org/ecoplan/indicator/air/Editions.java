package org.ecoplan.indicator.air;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The editions of one standard's table over time; the date asked about selects one. */
final class Editions<T> {

    private final String table;

    private final List<T> editions;

    private final Function<T, StandardEdition> edition;

    Editions(String table, List<T> editions, Function<T, StandardEdition> edition) {
        this.table = table;
        this.editions = List.copyOf(editions);
        this.edition = edition;
        List<StandardEdition> seen = new ArrayList<>();
        for (T each : editions) {
            StandardEdition current = edition.apply(each);
            for (StandardEdition earlier : seen) {
                if (earlier.overlaps(current)) {
                    throw new IllegalStateException(table + ": editions " + earlier.version() + " and "
                            + current.version() + " overlap, so a date could not choose between them");
                }
            }
            seen.add(current);
        }
    }

    T on(LocalDate date) {
        for (T each : editions) {
            if (edition.apply(each).covers(date)) {
                return each;
            }
        }
        throw new StandardNotInForceException(table, date);
    }

    List<T> all() {
        return editions;
    }
}

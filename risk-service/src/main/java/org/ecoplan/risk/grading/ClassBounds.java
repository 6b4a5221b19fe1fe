package org.ecoplan.risk.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes of a score as a standard bounds them: each from its lower bound (inclusive) to the next one's, the
 * last open; read from {@code hj941-2018-classes.csv}.
 */
final class ClassBounds<C extends Enum<C>> {

    private record Bound<C>(C type, BigDecimal from) {
    }

    private final List<Bound<C>> bounds;

    private ClassBounds(List<Bound<C>> bounds) {
        this.bounds = List.copyOf(bounds);
    }

    /** The rows of {@code kind}, which must start at 0, join without gap and name every class of {@code type}. */
    static <C extends Enum<C>> ClassBounds<C> of(List<StandardData.Row> rows, String kind, Class<C> type) {
        List<Bound<C>> bounds = new ArrayList<>();
        BigDecimal expectedFrom = BigDecimal.ZERO;
        for (StandardData.Row row : rows) {
            if (!row.text("kind").equals(kind)) {
                continue;
            }
            BigDecimal from = row.decimal("from");
            if (expectedFrom == null || from.compareTo(expectedFrom) != 0) {
                throw row.invalid(kind + " classes must start at 0 and join without gap or overlap");
            }
            bounds.add(new Bound<>(Enum.valueOf(type, row.text("class")), from));
            expectedFrom = row.optional("to") == null ? null : row.decimal("to");
        }
        if (expectedFrom != null || bounds.size() != type.getEnumConstants().length) {
            throw new IllegalStateException("standards/hj941-2018-classes.csv: the " + kind
                    + " classes must name each of " + List.of(type.getEnumConstants()) + " once, the last open");
        }
        return new ClassBounds<>(bounds);
    }

    C classOf(BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a score cannot be negative: " + value);
        }
        C found = bounds.get(0).type();
        for (Bound<C> bound : bounds) {
            if (value.compareTo(bound.from()) >= 0) {
                found = bound.type();
            }
        }
        return found;
    }

    /** The lower bound of a class, for tests and explanations. */
    BigDecimal from(C type) {
        return bounds.stream().filter(bound -> bound.type() == type).findFirst().orElseThrow().from();
    }
}

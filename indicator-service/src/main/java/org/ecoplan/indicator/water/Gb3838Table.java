package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GB 3838-2002 表1 for the basic items the bureau monitors, from {@value #RESOURCE}. The file holds every limit;
 * this class only reads it and checks that each class admits at least what the class above it admits.
 */
public final class Gb3838Table {

    static final String RESOURCE = "/standards/gb3838-2002.csv";

    private static final List<WaterQualityClass> GRADED = List.of(WaterQualityClass.I, WaterQualityClass.II,
            WaterQualityClass.III, WaterQualityClass.IV, WaterQualityClass.V);

    private final StandardSource source;
    private final List<ParameterLimits> rows;
    private final List<String> parameters;

    private Gb3838Table(StandardSource source, List<ParameterLimits> rows) {
        this.source = source;
        this.rows = List.copyOf(rows);
        this.parameters = List.copyOf(rows.stream().map(ParameterLimits::parameter)
                .collect(LinkedHashSet<String>::new, LinkedHashSet::add, LinkedHashSet::addAll));
    }

    public static Gb3838Table load() {
        return load(RESOURCE);
    }

    static Gb3838Table load(String resource) {
        StandardFile file = StandardFile.read(resource);
        return new Gb3838Table(file.source(), file.rows().stream().map(row -> limits(resource, row)).toList());
    }

    public StandardSource source() {
        return source;
    }

    /** Every parameter name the table knows, in the file's order, which is the order of every answer. */
    public List<String> parameters() {
        return parameters;
    }

    /** The limits for the water body; empty where the standard sets none (total nitrogen in a river). */
    public Optional<ParameterLimits> limits(String parameter, Waterbody waterbody) {
        return rows.stream()
                .filter(row -> row.parameter().equals(parameter) && row.waters().apply(waterbody))
                .findFirst();
    }

    /**
     * Why the values cannot be classified at all: names the table does not know, missing numbers, and values
     * no water can have. Every problem is listed, so the sender fixes them in one go.
     */
    public List<FieldProblem> problems(Map<String, BigDecimal> values) {
        List<FieldProblem> problems = new ArrayList<>();
        values.forEach((parameter, value) -> {
            String field = "parameters." + parameter;
            Optional<ParameterLimits> row = rows.stream().filter(r -> r.parameter().equals(parameter)).findFirst();
            if (row.isEmpty()) {
                problems.add(new FieldProblem(field, "is not a parameter of " + source.code() + " this service classifies; "
                        + "known are " + String.join(", ", parameters)));
            } else if (value == null) {
                problems.add(new FieldProblem(field, "must be a number"));
            } else if (!row.get().possible().contains(value)) {
                problems.add(new FieldProblem(field, row.get().possible().describe()));
            }
        });
        return problems;
    }

    private static ParameterLimits limits(String resource, Map<String, String> row) {
        Criterion criterion = Criterion.valueOf(row.get("criterion"));
        List<Bound> classes = GRADED.stream().map(grade -> criterion.bound(row.get(grade.name()))).toList();
        ParameterLimits limits = new ParameterLimits(row.get("parameter"), Integer.parseInt(row.get("item")),
                row.get("name"), row.get("unit"), Waters.valueOf(row.get("waters")), classes,
                new Bound(decimal(row.get("min")), decimal(row.get("max"))));
        for (int i = 1; i < classes.size(); i++) {
            if (!classes.get(i).admits(classes.get(i - 1))) {
                throw new IllegalStateException(resource + ": class " + GRADED.get(i) + " of " + limits.parameter()
                        + " (" + limits.waters() + ") admits less than class " + GRADED.get(i - 1));
            }
        }
        return limits;
    }

    private static BigDecimal decimal(String cell) {
        return cell.isEmpty() ? null : new BigDecimal(cell);
    }

    /** One row of the table: a parameter's class limits for some water bodies. */
    public record ParameterLimits(String parameter, int item, String name, String unit, Waters waters,
            List<Bound> classes, Bound possible) {

        /** The best class whose limit the value meets, limits inclusive; 劣Ⅴ when it meets none. */
        public WaterQualityClass classOf(BigDecimal value) {
            for (int i = 0; i < classes.size(); i++) {
                if (classes.get(i).contains(value)) {
                    return GRADED.get(i);
                }
            }
            return WaterQualityClass.WORSE_THAN_V;
        }
    }

    /** The water bodies a row applies to. */
    public enum Waters {
        ALL,
        RIVER,
        /** 湖、库 in the standard's wording. */
        LAKE_RESERVOIR;

        boolean apply(Waterbody waterbody) {
            return this == ALL || (this == LAKE_RESERVOIR) == waterbody.lakeOrReservoir();
        }
    }

    /** How a class limit is written in the file. */
    enum Criterion {
        /** ≥: dissolved oxygen, where more is better. */
        AT_LEAST {
            @Override
            Bound bound(String cell) {
                return new Bound(new BigDecimal(cell), null);
            }
        },
        /** ≤: every pollutant. */
        AT_MOST {
            @Override
            Bound bound(String cell) {
                return new Bound(null, new BigDecimal(cell));
            }
        },
        /** lower~upper: pH, the same range for every class. */
        WITHIN {
            @Override
            Bound bound(String cell) {
                String[] ends = cell.split("~");
                return new Bound(new BigDecimal(ends[0]), new BigDecimal(ends[1]));
            }
        };

        abstract Bound bound(String cell);
    }

    /** A closed interval; a null end is open. */
    public record Bound(BigDecimal lower, BigDecimal upper) {

        public boolean contains(BigDecimal value) {
            return (lower == null || value.compareTo(lower) >= 0) && (upper == null || value.compareTo(upper) <= 0);
        }

        boolean admits(Bound narrower) {
            return (lower == null || (narrower.lower != null && lower.compareTo(narrower.lower) <= 0))
                    && (upper == null || (narrower.upper != null && upper.compareTo(narrower.upper) >= 0));
        }

        String describe() {
            if (upper == null) {
                return lower.signum() == 0 ? "cannot be negative" : "must be at least " + lower.toPlainString();
            }
            return "must be between " + lower.toPlainString() + " and " + upper.toPlainString();
        }
    }
}

package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * 单因子评价 (single-factor method, GB 3838-2002 5.1): each parameter is classed against its own limits and the
 * water takes the class of its worst parameter. Which parameters decide is the one thing the two ways of
 * classifying differ in, see {@link #perStandard} and {@link #perEvaluationMethod}.
 */
public final class WaterClass {

    private final Gb3838Table table;
    private final BiFunction<String, Waterbody, ParameterRole> roles;

    private WaterClass(Gb3838Table table, BiFunction<String, Waterbody, ParameterRole> roles) {
        this.table = table;
        this.roles = roles;
    }

    /**
     * GB 3838-2002 as printed: every parameter the table limits for the water body decides, so total nitrogen
     * (limited for 湖、库 only) decides for lakes and reservoirs and is not classified in a river.
     */
    public static WaterClass perStandard(Gb3838Table table) {
        return new WaterClass(table, (parameter, waterbody) -> table.limits(parameter, waterbody).isPresent()
                ? ParameterRole.DECIDES
                : ParameterRole.NOT_EVALUATED);
    }

    /**
     * 环办〔2011〕22号: as {@link #perStandard}, but with the roles the evaluation method gives (total nitrogen is
     * a reference indicator in lakes and reservoirs and not evaluated in rivers).
     */
    public static WaterClass perEvaluationMethod(Gb3838Table table, EvaluationIndicators indicators) {
        indicators.checkAgainst(table);
        return new WaterClass(table, indicators::roleOf);
    }

    /** The parameters it classifies, in the order of every answer. */
    public List<String> parameters() {
        return table.parameters();
    }

    /**
     * Why the values cannot be classified for the water body: none given, {@link Gb3838Table#problems}, or none
     * with a limit there. Without a water body only what does not depend on it is checked.
     */
    public List<FieldProblem> problems(Waterbody waterbody, Map<String, BigDecimal> values) {
        if (values == null || values.isEmpty()) {
            return List.of(new FieldProblem("parameters", "must name at least one parameter, e.g. {\"do\": 6.2}"));
        }
        List<FieldProblem> problems = table.problems(values);
        if (problems.isEmpty() && waterbody != null && classify(waterbody, values).waterClass() == null) {
            return List.of(new FieldProblem("parameters", "must include a parameter with a class limit for a "
                    + waterbody.name() + "; there is none for " + String.join(", ", values.keySet())));
        }
        return problems;
    }

    /**
     * Classes the values, which must be free of {@link Gb3838Table#problems}. Answers list parameters in the
     * table's order, whatever the order given.
     */
    public Classification classify(Waterbody waterbody, Map<String, BigDecimal> values) {
        if (!table.problems(values).isEmpty()) {
            throw new IllegalArgumentException("values with problems cannot be classified: " + table.problems(values));
        }
        Map<String, WaterQualityClass> deciding = new LinkedHashMap<>();
        Map<String, WaterQualityClass> reference = new LinkedHashMap<>();
        List<String> notClassified = new ArrayList<>();
        WaterQualityClass worst = null;
        for (String parameter : table.parameters()) {
            BigDecimal value = values.get(parameter);
            if (value == null) {
                continue;
            }
            ParameterRole role = roles.apply(parameter, waterbody);
            if (role == ParameterRole.NOT_EVALUATED) {
                notClassified.add(parameter);
                continue;
            }
            WaterQualityClass parameterClass = table.limits(parameter, waterbody).orElseThrow().classOf(value);
            if (role == ParameterRole.REFERENCE) {
                reference.put(parameter, parameterClass);
            } else {
                deciding.put(parameter, parameterClass);
                worst = worst == null ? parameterClass : WaterQualityClass.worse(worst, parameterClass);
            }
        }
        WaterQualityClass waterClass = worst;
        List<String> limiting = deciding.entrySet().stream()
                .filter(entry -> entry.getValue() == waterClass)
                .map(Map.Entry::getKey)
                .toList();
        return new Classification(waterClass, limiting, Collections.unmodifiableMap(deciding),
                Collections.unmodifiableMap(reference), List.copyOf(notClassified));
    }
}

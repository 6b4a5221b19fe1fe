package org.ecoplan.indicator.water;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The role of each parameter by kind of water body under 环办〔2011〕22号《地表水环境质量评价办法（试行）》, from
 * {@value #RESOURCE}. The method takes total nitrogen out of the class (a reference indicator for lakes and
 * reservoirs, not evaluated for rivers), which is how the ministry's own bulletins rate lakes.
 */
public final class EvaluationIndicators {

    static final String RESOURCE = "/standards/surface-water-evaluation-2011.csv";

    private final StandardSource source;
    private final Map<String, Map<Waterbody, ParameterRole>> roles;

    private EvaluationIndicators(StandardSource source, Map<String, Map<Waterbody, ParameterRole>> roles) {
        this.source = source;
        this.roles = roles;
    }

    public static EvaluationIndicators load() {
        StandardFile file = StandardFile.read(RESOURCE);
        Map<String, Map<Waterbody, ParameterRole>> roles = new HashMap<>();
        for (Map<String, String> row : file.rows()) {
            Map<Waterbody, ParameterRole> byWaterbody = new EnumMap<>(Waterbody.class);
            for (Waterbody waterbody : Waterbody.values()) {
                byWaterbody.put(waterbody, ParameterRole.valueOf(row.get(waterbody.name())));
            }
            roles.put(row.get("parameter"), byWaterbody);
        }
        return new EvaluationIndicators(file.source(), roles);
    }

    public StandardSource source() {
        return source;
    }

    /** @throws IllegalStateException if the file does not list the parameter */
    public ParameterRole roleOf(String parameter, Waterbody waterbody) {
        Map<Waterbody, ParameterRole> byWaterbody = roles.get(parameter);
        if (byWaterbody == null) {
            throw new IllegalStateException(RESOURCE + " gives no role to " + parameter);
        }
        return byWaterbody.get(waterbody);
    }

    /** Fails unless every parameter of {@code table} has a role, and every classed one a limit, everywhere. */
    void checkAgainst(Gb3838Table table) {
        for (String parameter : table.parameters()) {
            for (Waterbody waterbody : Waterbody.values()) {
                if (roleOf(parameter, waterbody) != ParameterRole.NOT_EVALUATED
                        && table.limits(parameter, waterbody).isEmpty()) {
                    throw new IllegalStateException(RESOURCE + " classes " + parameter + " in a " + waterbody
                            + " where " + table.source().code() + " sets no limit");
                }
            }
        }
        List<String> unknown = roles.keySet().stream().filter(name -> !table.parameters().contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " names parameters " + table.source().code()
                    + " does not: " + unknown);
        }
    }
}

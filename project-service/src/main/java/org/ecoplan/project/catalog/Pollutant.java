package org.ecoplan.project.catalog;

import java.util.List;

/**
 * The pollutants whose reductions the plan quantifies (总量控制 and the projects' expected
 * performance), with the spellings the plan's text uses for them.
 */
public enum Pollutant {
    COD("化学需氧量", List.of("COD", "CODcr", "化学需氧量")),
    TN("总氮", List.of("TN", "总氮")),
    TP("总磷", List.of("TP", "总磷")),
    NH3_N("氨氮", List.of("氨氮", "NH3-N", "NH₃-N")),
    VOCS("挥发性有机物", List.of("VOCs", "VOCS", "挥发性有机物", "挥发性有机污染物")),
    /** No project of Table 4 states one, but the plan caps NOx emissions (EMISSION-NOX) like the other three. */
    NOX("氮氧化物", List.of("NOx", "氮氧化物"));

    private final String label;
    private final List<String> spellings;

    Pollutant(String label, List<String> spellings) {
        this.label = label;
        this.spellings = spellings;
    }

    public String label() {
        return label;
    }

    List<String> spellings() {
        return spellings;
    }
}

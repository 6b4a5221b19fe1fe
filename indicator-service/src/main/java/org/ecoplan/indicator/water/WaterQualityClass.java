package org.ecoplan.indicator.water;

import com.fasterxml.jackson.annotation.JsonValue;

/** 水质类别 of GB 3838-2002, best first; a value that meets no class is 劣Ⅴ类 (worse than Class V). */
public enum WaterQualityClass {
    I("I"),
    II("II"),
    III("III"),
    IV("IV"),
    V("V"),
    WORSE_THAN_V("劣V");

    private final String label;

    WaterQualityClass(String label) {
        this.label = label;
    }

    /** As the bureau writes it, and as the API reads and writes it: {@code I}..{@code V}, {@code 劣V}. */
    @JsonValue
    public String label() {
        return label;
    }

    public boolean isWorseThan(WaterQualityClass other) {
        return compareTo(other) > 0;
    }

    public static WaterQualityClass worse(WaterQualityClass a, WaterQualityClass b) {
        return a.isWorseThan(b) ? a : b;
    }
}

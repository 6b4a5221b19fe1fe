package org.ecoplan.indicator.water;

/** 水体类型: GB 3838-2002 sets some limits apart for 湖、库 (lakes and reservoirs), so the class depends on it. */
public enum Waterbody {
    RIVER("河流"),
    LAKE("湖泊"),
    RESERVOIR("水库");

    private final String label;

    Waterbody(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether GB 3838-2002's 湖、库 limits apply. */
    public boolean lakeOrReservoir() {
        return this != RIVER;
    }
}

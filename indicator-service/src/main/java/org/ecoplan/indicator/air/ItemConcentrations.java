package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Concentrations of HJ 633-2012 Table 1 items at reporting precision (see {@link Pollutant#reported}), any of them
 * missing. Filled once by whoever has the values, then read.
 */
public final class ItemConcentrations {

    private static final int MISSING = Integer.MIN_VALUE;

    private final int[] reported = new int[AqiItem.all().length];

    public ItemConcentrations() {
        Arrays.fill(reported, MISSING);
    }

    /** Rounds the concentration to reporting precision; a null concentration leaves the item missing. */
    public ItemConcentrations set(AqiItem item, BigDecimal concentration) {
        if (concentration != null) {
            setReported(item, item.pollutant().reported(concentration));
        }
        return this;
    }

    public ItemConcentrations setReported(AqiItem item, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(item.code() + " cannot be negative: " + value);
        }
        reported[item.ordinal()] = value;
        return this;
    }

    public boolean has(AqiItem item) {
        return reported[item.ordinal()] != MISSING;
    }

    /** The reported value; only for an item that {@link #has} one. */
    public int reported(AqiItem item) {
        int value = reported[item.ordinal()];
        if (value == MISSING) {
            throw new IllegalStateException(item.code() + " has no value");
        }
        return value;
    }

    /** The concentration of the item, null when missing. */
    public BigDecimal concentration(AqiItem item) {
        return has(item) ? item.pollutant().concentration(reported[item.ordinal()]) : null;
    }

    /** Every item with a value, as concentrations. */
    public Map<AqiItem, BigDecimal> asMap() {
        Map<AqiItem, BigDecimal> values = new EnumMap<>(AqiItem.class);
        for (AqiItem item : AqiItem.all()) {
            if (has(item)) {
                values.put(item, concentration(item));
            }
        }
        return values;
    }
}

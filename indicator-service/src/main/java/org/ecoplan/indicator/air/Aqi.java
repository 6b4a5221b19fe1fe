package org.ecoplan.indicator.air;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 空气质量指数 The daily air quality index of HJ 633-2012 §4-§5: concentrations in, IAQI per pollutant, AQI,
 * category and primary pollutants out. Applies one edition of Table 1 and Table 2; it holds no breakpoint itself.
 */
public final class Aqi {

    /** HJ 633-2012 §4.3: primary pollutants (首要污染物) are named only above this AQI. */
    private static final int PRIMARY_POLLUTANT_ABOVE = 50;

    private final IaqiTable table;

    private final AqiCategories categories;

    public Aqi(IaqiTable table, AqiCategories categories) {
        this.table = table;
        this.categories = categories;
    }

    public IaqiTable table() {
        return table;
    }

    public AqiCategories categories() {
        return categories;
    }

    /**
     * The daily AQI: a pollutant's IAQI is the highest of its daily-report items ({@link AqiItem#DAILY_REPORT})
     * that count; an item above its last breakpoint with a note to Table 1 does not count, its note's item does.
     * The AQI is the highest IAQI (§4.3) over the pollutants that have one; missing pollutants are listed, not
     * guessed.
     */
    public AqiResult daily(ItemConcentrations concentrations) {
        Map<AqiItem, Integer> itemIaqi = new EnumMap<>(AqiItem.class);
        Map<AqiItem, String> notComputed = new EnumMap<>(AqiItem.class);
        List<Pollutant> aboveScale = new ArrayList<>(0);
        for (AqiItem item : AqiItem.all()) {
            if (!concentrations.has(item) || !table.has(item)) {
                continue;
            }
            int reported = concentrations.reported(item);
            int iaqi = table.iaqi(item, reported);
            if (iaqi == IaqiTable.NOT_COMPUTED) {
                notComputed.put(item, table.note(item).map(IaqiTable.Table1Note::clause).orElseThrow());
                continue;
            }
            itemIaqi.put(item, iaqi);
            if (AqiItem.DAILY_REPORT.contains(item) && table.aboveScale(item, reported)
                    && !aboveScale.contains(item.pollutant())) {
                aboveScale.add(item.pollutant());
            }
        }
        Map<Pollutant, Integer> iaqi = new EnumMap<>(Pollutant.class);
        List<Pollutant> missing = new ArrayList<>(0);
        List<Pollutant> unresolved = new ArrayList<>(0);
        for (Pollutant pollutant : Pollutant.all()) {
            int highest = -1;
            boolean hasValue = false;
            boolean resolved = true;
            for (AqiItem item : AqiItem.DAILY_REPORT) {
                if (item.pollutant() != pollutant || !concentrations.has(item)) {
                    continue;
                }
                hasValue = true;
                Integer itemIndex = itemIaqi.get(item);
                if (itemIndex != null) {
                    highest = Math.max(highest, itemIndex);
                }
                else if (!concentrations.has(substitute(item))) {
                    resolved = false;
                }
            }
            if (!hasValue) {
                missing.add(pollutant);
            }
            else if (!resolved) {
                unresolved.add(pollutant);
            }
            else if (highest >= 0) {
                iaqi.put(pollutant, highest);
            }
        }
        if (iaqi.isEmpty() || !unresolved.isEmpty()) {
            return new AqiResult(null, null, List.of(), iaqi, itemIaqi, notComputed, aboveScale, missing, unresolved);
        }
        int aqi = iaqi.values().stream().mapToInt(Integer::intValue).max().getAsInt();
        List<Pollutant> primary = new ArrayList<>(1);
        if (aqi > PRIMARY_POLLUTANT_ABOVE) {
            iaqi.forEach((pollutant, index) -> {
                if (index == aqi) {
                    primary.add(pollutant);
                }
            });
        }
        return new AqiResult(aqi, categories.of(aqi), primary, iaqi, itemIaqi, notComputed, aboveScale, missing,
                unresolved);
    }

    private AqiItem substitute(AqiItem item) {
        return table.note(item).orElseThrow().useInstead();
    }
}

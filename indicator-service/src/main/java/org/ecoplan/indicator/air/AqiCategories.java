package org.ecoplan.indicator.air;

import java.util.ArrayList;
import java.util.List;

/** HJ 633-2012 Table 2, read from {@code hj633-2012-categories.csv}. */
public final class AqiCategories {

    private final StandardEdition edition;

    private final List<AqiCategory> levels;

    private AqiCategories(StandardEdition edition, List<AqiCategory> levels) {
        this.edition = edition;
        this.levels = List.copyOf(levels);
        for (int i = 0; i < levels.size(); i++) {
            AqiCategory level = levels.get(i);
            int expectedFrom = i == 0 ? 0 : levels.get(i - 1).aqiTo() + 1;
            if (level.level() != i + 1 || level.aqiFrom() != expectedFrom
                    || (level.aqiTo() == null) != (i == levels.size() - 1)) {
                throw new IllegalStateException("AQI levels must run from 0 upwards without gaps; level "
                        + level.level() + " does not");
            }
        }
    }

    static AqiCategories read(String file) {
        StandardFile data = StandardFile.read(file);
        List<AqiCategory> levels = new ArrayList<>();
        for (StandardFile.Row row : data.rows()) {
            levels.add(new AqiCategory(row.integer("level"), row.integer("aqi_from"),
                    row.decimal("aqi_to") == null ? null : row.integer("aqi_to"), row.text("level_zh"), row.text("zh"),
                    row.text("en"), new AqiCategory.Colour(row.text("colour_zh"), row.text("colour_en"),
                            row.text("rgb"))));
        }
        return new AqiCategories(data.edition(), levels);
    }

    public StandardEdition edition() {
        return edition;
    }

    public AqiCategory of(int aqi) {
        for (AqiCategory level : levels) {
            if (level.contains(aqi)) {
                return level;
            }
        }
        throw new IllegalArgumentException("An AQI is never negative: " + aqi);
    }

    public List<AqiCategory> levels() {
        return levels;
    }
}

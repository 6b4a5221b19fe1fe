package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ecoplan.common.web.ApiProblem;

/**
 * The AQI calculator's input, in the field names integrators code against: 24 h means, the daily maximum 8 h O3
 * mean and optional 1 h values; µg/m³, CO in mg/m³. Any value may be left out.
 *
 * @param date the day the values are of, which selects the HJ 633 edition; today (Beijing time) when absent
 */
public record AqiRequest(BigDecimal so2, BigDecimal no2, BigDecimal pm10, BigDecimal pm25, BigDecimal co,
        @JsonProperty("o3_8h") BigDecimal o3EightHours, @JsonProperty("so2_1h") BigDecimal so2Hour,
        @JsonProperty("no2_1h") BigDecimal no2Hour, @JsonProperty("co_1h") BigDecimal coHour,
        @JsonProperty("o3_1h") BigDecimal o3Hour, LocalDate date) {

    private static final Map<AqiItem, String> FIELDS = new EnumMap<>(Map.of(AqiItem.SO2_24H, "so2", AqiItem.NO2_24H,
            "no2", AqiItem.PM10_24H, "pm10", AqiItem.PM2_5_24H, "pm25", AqiItem.CO_24H, "co", AqiItem.O3_8H, "o3_8h",
            AqiItem.SO2_1H, "so2_1h", AqiItem.NO2_1H, "no2_1h", AqiItem.CO_1H, "co_1h", AqiItem.O3_1H, "o3_1h"));

    /** The request field that carries the item. */
    static String fieldOf(AqiItem item) {
        return FIELDS.get(item);
    }

    /** The concentrations, rounded to reporting precision; 422 for a negative or absurd one. */
    ItemConcentrations concentrations() {
        Map<AqiItem, BigDecimal> values = new EnumMap<>(AqiItem.class);
        values.put(AqiItem.SO2_24H, so2);
        values.put(AqiItem.NO2_24H, no2);
        values.put(AqiItem.PM10_24H, pm10);
        values.put(AqiItem.PM2_5_24H, pm25);
        values.put(AqiItem.CO_24H, co);
        values.put(AqiItem.O3_8H, o3EightHours);
        values.put(AqiItem.SO2_1H, so2Hour);
        values.put(AqiItem.NO2_1H, no2Hour);
        values.put(AqiItem.CO_1H, coHour);
        values.put(AqiItem.O3_1H, o3Hour);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        ItemConcentrations concentrations = new ItemConcentrations();
        values.forEach((item, value) -> {
            if (value == null) {
                return;
            }
            if (value.signum() < 0 || value.compareTo(HourlyCsv.MAX_CONCENTRATION) > 0) {
                errors.add(new ApiProblem.FieldError(fieldOf(item), "must lie between 0 and "
                        + HourlyCsv.MAX_CONCENTRATION + " " + item.pollutant().unit()));
            }
            else {
                concentrations.set(item, value);
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable(errors.size() == 1 ? "Field '" + errors.get(0).field() + "' "
                    + errors.get(0).message() + "." : errors.size() + " concentrations are invalid; see errors.",
                    errors);
        }
        return concentrations;
    }
}

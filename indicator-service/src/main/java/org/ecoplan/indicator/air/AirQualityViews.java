package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON the air quality API answers with; field names integrators code against are fixed by issue 3. */
final class AirQualityViews {

    private AirQualityViews() {
    }

    /**
     * @param iaqi each pollutant's IAQI, keyed SO2, NO2, PM10, PM2.5, CO, O3
     * @param items the IAQI of each Table 1 item given, e.g. {@code O3_8h}, also those of the hourly report
     * @param concentrations the values as reported (rounded) that the IAQIs were computed from
     * @param notComputed items a note to Table 1 kept from being indexed, with the note
     * @param aboveScale pollutants beyond the top of Table 1, reported at IAQI 500
     * @param missing pollutants not given
     */
    record AqiView(Integer aqi, AqiCategory category, List<String> primaryPollutants, Map<String, Integer> iaqi,
            Map<String, Integer> items, Map<String, BigDecimal> concentrations, Map<String, String> notComputed,
            List<String> aboveScale, List<String> missing, StandardEdition standard) {

        static AqiView of(AqiResult result, ItemConcentrations concentrations, StandardEdition standard) {
            Map<String, Integer> iaqi = new LinkedHashMap<>();
            result.iaqi().forEach((pollutant, index) -> iaqi.put(pollutant.code(), index));
            Map<String, Integer> items = new LinkedHashMap<>();
            result.itemIaqi().forEach((item, index) -> items.put(item.code(), index));
            Map<String, BigDecimal> reported = new LinkedHashMap<>();
            concentrations.asMap().forEach((item, value) -> reported.put(item.code(), value));
            Map<String, String> notComputed = new LinkedHashMap<>();
            result.notComputed().forEach((item, note) -> notComputed.put(item.code(), note));
            return new AqiView(result.aqi(), result.category(), codes(result.primaryPollutants()), iaqi, items,
                    reported, notComputed, codes(result.aboveScale()), codes(result.missing()), standard);
        }
    }

    record DailyView(String station, LocalDate from, LocalDate to, List<DayView> items) {
    }

    /**
     * One day, its daily values under the calculator's field names so that a day can be posted back to it.
     *
     * @param hourlyValues how many hourly values each pollutant had
     */
    record DayView(LocalDate date, boolean valid, Integer aqi, AqiCategory category, List<String> primaryPollutants,
            BigDecimal so2, BigDecimal no2, BigDecimal pm10, BigDecimal pm25, BigDecimal co,
            @JsonProperty("o3_8h") BigDecimal o3EightHours, @JsonProperty("o3_1h") BigDecimal o3Hour,
            Map<String, Integer> iaqi, Map<String, Integer> hourlyValues, int validO3Windows) {

        static DayView of(DailyAirQuality day) {
            ItemConcentrations values = day.concentrations();
            Map<String, Integer> iaqi = new LinkedHashMap<>();
            Map<String, Integer> hours = new LinkedHashMap<>();
            day.hourlyValues().forEach((pollutant, count) -> hours.put(pollutant.code(), count));
            AqiResult aqi = day.aqi();
            if (aqi != null) {
                aqi.iaqi().forEach((pollutant, index) -> iaqi.put(pollutant.code(), index));
            }
            return new DayView(day.date(), day.valid(), aqi == null ? null : aqi.aqi(),
                    aqi == null ? null : aqi.category(), aqi == null ? List.of() : codes(aqi.primaryPollutants()),
                    values.concentration(AqiItem.SO2_24H), values.concentration(AqiItem.NO2_24H),
                    values.concentration(AqiItem.PM10_24H), values.concentration(AqiItem.PM2_5_24H),
                    values.concentration(AqiItem.CO_24H), values.concentration(AqiItem.O3_8H),
                    values.concentration(AqiItem.O3_1H), iaqi, hours, day.validO3Windows());
        }
    }

    /**
     * A station-year.
     *
     * @param exceedanceDays 超标天数 per pollutant: days above the GB 3095 24 h limit (O3: daily maximum 8 h)
     * @param compliance per pollutant: the annual statistic against its GB 3095 limit
     * @param compliant 达标: all six valid and within their limits; false once one valid statistic exceeds; null
     *        while the data are insufficient
     */
    record AnnualView(String station, int year, AreaClass areaClass, BigDecimal so2Mean, BigDecimal no2Mean,
            BigDecimal pm10Mean, BigDecimal pm25Mean, BigDecimal coP95, BigDecimal o3P90, int validDays, int goodDays,
            BigDecimal goodDayRatio, boolean goodDayRatioValid, int daysWithData, Map<String, Integer> exceedanceDays,
            Map<String, Compliance> compliance, Boolean compliant, List<StandardEdition> standards) {

        static AnnualView of(String station, AnnualAirQuality year) {
            Map<Pollutant, AnnualAirQuality.PollutantYear> pollutants = year.pollutants();
            Map<String, Integer> exceedances = new LinkedHashMap<>();
            Map<String, Compliance> compliance = new LinkedHashMap<>();
            pollutants.forEach((pollutant, result) -> {
                exceedances.put(pollutant.code(), result.exceedanceDays());
                compliance.put(pollutant.code(), Compliance.of(result));
            });
            return new AnnualView(station, year.year(), year.areaClass(), value(pollutants, Pollutant.SO2),
                    value(pollutants, Pollutant.NO2), value(pollutants, Pollutant.PM10),
                    value(pollutants, Pollutant.PM2_5), value(pollutants, Pollutant.CO),
                    value(pollutants, Pollutant.O3), year.validDays(), year.goodDays(), year.goodDayRatio(),
                    year.goodDayRatioValid(), year.daysWithData(), exceedances, compliance, year.compliant(),
                    year.standards());
        }

        private static BigDecimal value(Map<Pollutant, AnnualAirQuality.PollutantYear> pollutants,
                Pollutant pollutant) {
            return pollutants.get(pollutant).value();
        }
    }

    /**
     * @param statistic e.g. {@code annual mean of 24h values}, {@code 95th percentile of 24h values}
     * @param valid whether the daily values meet the annual data requirement (GB 3095-2012 Table 4)
     */
    record Compliance(String statistic, BigDecimal value, String unit, BigDecimal limit, Boolean compliant,
            boolean valid, int dailyValues, BigDecimal dailyLimit, int exceedanceDays) {

        static Compliance of(AnnualAirQuality.PollutantYear result) {
            AnnualMethod.Statistic statistic = result.statistic();
            String name = statistic.kind() == AnnualMethod.Kind.MEAN ? "annual mean"
                    : statistic.percentile().stripTrailingZeros().toPlainString() + "th percentile";
            return new Compliance(name + " of " + statistic.daily().code() + " values", result.value(),
                    result.pollutant().unit(), result.limit(), result.compliant(), result.valid(),
                    result.dailyValues(), result.dailyLimit(), result.exceedanceDays());
        }
    }

    private static List<String> codes(List<Pollutant> pollutants) {
        return pollutants.stream().map(Pollutant::code).toList();
    }
}

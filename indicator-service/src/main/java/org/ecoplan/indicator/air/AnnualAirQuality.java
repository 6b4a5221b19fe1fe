package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * 年评价 One station-year evaluated by HJ 663-2013 against the GB 3095 limits in force that year.
 *
 * @param pollutants each pollutant's annual statistic, its compliance and its exceedance days
 * @param daysWithData days with at least one hourly value
 * @param validDays days on which every pollutant had a valid daily value (有效天数)
 * @param goodDays valid days with AQI at most 100 (优良天数)
 * @param goodDayRatio 优良天数比例: good days per valid day in percent, to 0.1; null without valid days
 * @param goodDayRatioValid whether the valid days meet the annual data requirement (per year and per month)
 * @param compliant 达标: false once a valid statistic exceeds its limit, true when all six are valid and within,
 *        null otherwise
 * @param standards the editions applied: GB 3095 limits, data validity, HJ 663 method
 */
public record AnnualAirQuality(int year, AreaClass areaClass, Map<Pollutant, PollutantYear> pollutants,
        int daysWithData, int validDays, int goodDays, BigDecimal goodDayRatio, boolean goodDayRatioValid,
        Boolean compliant, List<StandardEdition> standards) {

    /**
     * One pollutant's year.
     *
     * @param value the annual statistic (mean or percentile) at reporting precision; null without daily values
     * @param dailyValues how many valid daily values it rests on
     * @param valid whether those meet the annual data requirement
     * @param limit the GB 3095 limit the statistic is compared with
     * @param compliant whether it is within the limit; null when not valid
     * @param dailyLimit the limit each daily value is compared with
     * @param exceedanceDays 超标天数: days whose value is above the daily limit
     */
    public record PollutantYear(Pollutant pollutant, AnnualMethod.Statistic statistic, BigDecimal value,
            int dailyValues, boolean valid, BigDecimal limit, Boolean compliant, BigDecimal dailyLimit,
            int exceedanceDays) {
    }
}

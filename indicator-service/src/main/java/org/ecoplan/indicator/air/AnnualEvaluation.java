package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 年评价 A station-year from its daily values (HJ 663-2013 §5-§6 and Appendix A): annual statistics, their
 * compliance with GB 3095 (Class II for 城陵矶), exceedance days, valid and good days and the good-day ratio.
 * <p>
 * A statistic is valid with the daily values GB 3095-2012 Table 4 asks of an annual mean (per year, per month,
 * February apart); the percentiles of CO and O3 and the count of valid days are held to the same requirement, so
 * that a year with months missing is never reported as a year.
 */
public final class AnnualEvaluation {

    /** HJ 633-2012 Table 2: levels 1 and 2 (AQI 0-100, 优 and 良) make a good day (优良天). */
    private static final int GOOD_LEVELS = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AirStandards standards;

    public AnnualEvaluation(AirStandards standards) {
        this.standards = standards;
    }

    /** Evaluates the year from its days; days of other years are ignored. */
    public AnnualAirQuality evaluate(int year, List<DailyAirQuality> days, AreaClass areaClass) {
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        AirLimits limits = standards.limitsOn(firstDay);
        DataValidity validity = standards.validityOn(firstDay);
        AnnualMethod method = standards.annualMethodOn(firstDay);
        List<DailyAirQuality> ofYear = days.stream().filter(day -> day.date().getYear() == year).toList();

        Map<Pollutant, AnnualAirQuality.PollutantYear> pollutants = new EnumMap<>(Pollutant.class);
        for (AnnualMethod.Statistic statistic : method.statistics().values()) {
            pollutants.put(statistic.pollutant(), pollutantYear(statistic, ofYear, limits, validity, areaClass));
        }
        List<DailyAirQuality> validDays = ofYear.stream().filter(DailyAirQuality::valid).toList();
        int goodDays = (int) validDays.stream().filter(day -> day.aqi().category().level() <= GOOD_LEVELS).count();
        BigDecimal ratio = validDays.isEmpty() ? null
                : BigDecimal.valueOf(goodDays)
                    .multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(validDays.size()), 1, Pollutant.GB_T_8170);
        int daysWithData = (int) ofYear.stream()
            .filter(day -> day.hourlyValues().values().stream().anyMatch(count -> count > 0))
            .count();
        return new AnnualAirQuality(year, areaClass, pollutants, daysWithData, validDays.size(), goodDays, ratio,
                sufficient(validDays, validity), compliance(pollutants.values()),
                List.of(limits.edition(), validity.edition(), method.edition()));
    }

    private static AnnualAirQuality.PollutantYear pollutantYear(AnnualMethod.Statistic statistic,
            List<DailyAirQuality> days, AirLimits limits, DataValidity validity, AreaClass areaClass) {
        Pollutant pollutant = statistic.pollutant();
        AqiItem item = statistic.dailyItem();
        List<DailyAirQuality> withValue = days.stream().filter(day -> day.concentrations().has(item)).toList();
        int[] values = withValue.stream().mapToInt(day -> day.concentrations().reported(item)).toArray();
        BigDecimal dailyLimit = limits.limit(pollutant, statistic.daily(), areaClass);
        int exceedances = 0;
        for (int value : values) {
            if (value > pollutant.reportedExactly(dailyLimit)) {
                exceedances++;
            }
        }
        BigDecimal value = values.length == 0 ? null : pollutant.concentration(annualStatistic(statistic, values));
        boolean valid = sufficient(withValue, validity);
        BigDecimal limit = limits.limit(pollutant, statistic.comparedWith(), areaClass);
        Boolean compliant = valid ? value.compareTo(limit) <= 0 : null;
        return new AnnualAirQuality.PollutantYear(pollutant, statistic, value, values.length, valid, limit, compliant,
                dailyLimit, exceedances);
    }

    /** The statistic at reporting precision, rounded once from its exact value. */
    private static int annualStatistic(AnnualMethod.Statistic statistic, int[] values) {
        if (statistic.kind() == AnnualMethod.Kind.MEAN) {
            long sum = 0;
            for (int value : values) {
                sum += value;
            }
            return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(values.length), 0, Pollutant.GB_T_8170)
                .intValueExact();
        }
        BigDecimal p = statistic.percentile().divide(HUNDRED);
        return Percentile.of(values, p).setScale(0, Pollutant.GB_T_8170).intValueExact();
    }

    private static boolean sufficient(List<DailyAirQuality> days, DataValidity validity) {
        if (days.size() < validity.daysPerYear()) {
            return false;
        }
        int[] perMonth = new int[12];
        days.forEach(day -> perMonth[day.date().getMonthValue() - 1]++);
        for (Month month : Month.values()) {
            int needed = month == Month.FEBRUARY ? validity.daysInFebruary() : validity.daysPerMonth();
            if (perMonth[month.ordinal()] < needed) {
                return false;
            }
        }
        return true;
    }

    private static Boolean compliance(Iterable<AnnualAirQuality.PollutantYear> pollutants) {
        boolean allValid = true;
        for (AnnualAirQuality.PollutantYear pollutant : pollutants) {
            if (Boolean.FALSE.equals(pollutant.compliant())) {
                return false;
            }
            allValid &= pollutant.valid();
        }
        return allValid ? Boolean.TRUE : null;
    }
}

package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * 年评价 How HJ 663-2013 evaluates a year, read from {@code hj663-2013-annual-statistics.csv}: for each pollutant
 * the statistic of its daily values and the GB 3095 limit that statistic is compared with.
 */
public record AnnualMethod(StandardEdition edition, Map<Pollutant, Statistic> statistics) {

    /**
     * @param percentile for {@link Kind#PERCENTILE}: 95 for the 95th
     * @param daily the averaging time of the daily values (24 h; O3: daily maximum 8 h)
     * @param comparedWith the averaging time of the limit the statistic is judged against
     */
    public record Statistic(Pollutant pollutant, Kind kind, BigDecimal percentile, Averaging daily,
            Averaging comparedWith) {

        public AqiItem dailyItem() {
            return AqiItem.of(pollutant, daily);
        }
    }

    /** The annual mean (年平均) or a percentile of the daily values (百分位数). */
    public enum Kind {
        MEAN, PERCENTILE
    }

    static AnnualMethod read(String file) {
        StandardFile data = StandardFile.read(file);
        Map<Pollutant, Statistic> statistics = new EnumMap<>(Pollutant.class);
        for (StandardFile.Row row : data.rows()) {
            Kind kind = Kind.valueOf(row.text("statistic").toUpperCase(java.util.Locale.ROOT));
            BigDecimal percentile = row.decimal("percentile");
            if ((kind == Kind.PERCENTILE) != (percentile != null)) {
                throw data.invalid(row.text("pollutant") + ": a percentile statistic, and only one, names its percentile");
            }
            statistics.put(row.pollutant(), new Statistic(row.pollutant(), kind, percentile, row.averaging("daily"),
                    row.averaging("compared_with")));
        }
        if (statistics.size() != Pollutant.all().length) {
            throw data.invalid("must name a statistic for each of the six pollutants");
        }
        return new AnnualMethod(data.edition(), statistics);
    }
}

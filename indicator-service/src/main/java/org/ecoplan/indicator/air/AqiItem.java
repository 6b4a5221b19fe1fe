package org.ecoplan.indicator.air;

import java.util.EnumSet;
import java.util.Set;

/** 污染物项目 A column of HJ 633-2012 Table 1: a pollutant at an averaging time. */
public enum AqiItem {

    SO2_24H(Pollutant.SO2, Averaging.DAY),
    SO2_1H(Pollutant.SO2, Averaging.HOUR),
    NO2_24H(Pollutant.NO2, Averaging.DAY),
    NO2_1H(Pollutant.NO2, Averaging.HOUR),
    PM10_24H(Pollutant.PM10, Averaging.DAY),
    PM2_5_24H(Pollutant.PM2_5, Averaging.DAY),
    CO_24H(Pollutant.CO, Averaging.DAY),
    CO_1H(Pollutant.CO, Averaging.HOUR),
    O3_1H(Pollutant.O3, Averaging.HOUR),
    O3_8H(Pollutant.O3, Averaging.EIGHT_HOURS);

    /**
     * The items of the daily report (日报), HJ 633-2012 §5: the 24 h means of SO2, NO2, PM10, PM2.5 and CO, and the
     * daily maximum 1 h and 8 h means of O3. The 1 h values of SO2, NO2 and CO belong to the hourly report only
     * (Table 1 note (1)).
     */
    public static final Set<AqiItem> DAILY_REPORT = EnumSet.of(SO2_24H, NO2_24H, PM10_24H, PM2_5_24H, CO_24H, O3_1H,
            O3_8H);

    private static final AqiItem[] ALL = values();

    private final Pollutant pollutant;

    private final Averaging averaging;

    AqiItem(Pollutant pollutant, Averaging averaging) {
        this.pollutant = pollutant;
        this.averaging = averaging;
    }

    public Pollutant pollutant() {
        return pollutant;
    }

    public Averaging averaging() {
        return averaging;
    }

    /** {@code PM2.5_24h}, {@code O3_8h}. */
    public String code() {
        return pollutant.code() + "_" + averaging.code();
    }

    public static AqiItem of(Pollutant pollutant, Averaging averaging) {
        for (AqiItem item : ALL) {
            if (item.pollutant == pollutant && item.averaging == averaging) {
                return item;
            }
        }
        throw new IllegalArgumentException("HJ 633-2012 Table 1 has no item " + pollutant.code() + " "
                + averaging.code());
    }

    static AqiItem[] all() {
        return ALL;
    }
}

package org.ecoplan.indicator.water;

import reactor.core.publisher.Mono;

/** Where surface-water results leave this package for the plan's indicators. */
interface WaterIndicators {

    /** Plan indicator 地表水质量劣Ⅴ类水体比例. */
    String WORSE_THAN_V = "WATER-WORSE-THAN-V";

    /**
     * Records the year's share of sites worse than Class V as a derived observation of {@link #WORSE_THAN_V},
     * replacing the one recorded for that year before. The report must have assessed sites.
     */
    Mono<Void> recordWorseThanVShare(AnnualReport report);

    /** Withdraws the share recorded for the year, if any, once no site of the year is assessed any more. */
    Mono<Void> withdrawWorseThanVShare(int year);
}

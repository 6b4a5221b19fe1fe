package org.ecoplan.indicator.water;

import org.ecoplan.indicator.observation.Derivation;
import org.ecoplan.indicator.observation.Observations;
import org.ecoplan.indicator.observation.Period;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Records surface-water results as derived observations of the indicator catalogue. */
@Component
class ObservationWaterIndicators implements WaterIndicators {

    /** The derivation kind, and with the year the reference that makes each year's record replace the last. */
    static final String KIND = "WATER_ANNUAL";

    private final Observations observations;

    ObservationWaterIndicators(Observations observations) {
        this.observations = observations;
    }

    @Override
    public Mono<Void> recordWorseThanVShare(AnnualReport report) {
        int year = report.year();
        String source = "岳阳楼区地表水监测断面 %d 个的 %d 年样品（参评 %d 个，劣Ⅴ类 %d 个）"
                .formatted(report.sites(), year, report.assessedSites(), report.worseThanVSites());
        String method = "劣Ⅴ类断面数 ÷ 参评断面数 × 100%；" + report.method();
        return observations.recordDerived(WORSE_THAN_V, Period.ofYear(year), report.worseThanVShare(), source,
                        method, new Derivation(KIND, reference(year), "/api/v1/water-quality/annual?year=" + year))
                .then();
    }

    @Override
    public Mono<Void> withdrawWorseThanVShare(int year) {
        return observations.withdrawDerived(WORSE_THAN_V, Period.ofYear(year), reference(year)).then();
    }

    private static String reference(int year) {
        return "地表水/" + year;
    }
}

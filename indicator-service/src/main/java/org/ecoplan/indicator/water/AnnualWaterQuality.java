package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The annual class of every monitoring site and the share worse than Class V, computed from the stored samples
 * whenever asked, so they always reflect the samples as they are now. Recording the share for the plan's
 * indicator follows every change of the samples behind it.
 */
@Component
class AnnualWaterQuality {

    static final String METHOD = "断面（点位）年度水质类别：各指标全年监测值的算术平均值（环办〔2011〕22号 一、（二）3），"
            + "按 GB 3838-2002 表1 单因子评价（二、（一）1）；湖库总氮作参考指标单独评价，河流总氮不评价（一、（一）1）";

    private final MonitoringSites sites;
    private final WaterSamples samples;
    private final AnnualEvaluation evaluation;
    private final WaterIndicators indicators;

    AnnualWaterQuality(MonitoringSites sites, WaterSamples samples, AnnualEvaluation evaluation,
            WaterIndicators indicators) {
        this.sites = sites;
        this.samples = samples;
        this.evaluation = evaluation;
        this.indicators = indicators;
    }

    Mono<AnnualReport> ofYear(int year) {
        Mono<Map<String, List<Map<String, BigDecimal>>>> valuesBySite = samples.ofYear(year)
                .collect(Collectors.groupingBy(WaterSample::site,
                        Collectors.mapping(WaterSample::parameters, Collectors.toList())));
        return Mono.zip(sites.all().collectList(), valuesBySite).map(found -> {
            List<SiteYear> items = found.getT1().stream()
                    .map(site -> siteYear(site, year, found.getT2().getOrDefault(site.code(), List.of())))
                    .toList();
            List<WaterQualityClass> assessed = items.stream().filter(SiteYear::assessed).map(SiteYear::waterClass)
                    .toList();
            int worse = (int) assessed.stream().filter(c -> c == WaterQualityClass.WORSE_THAN_V).count();
            return new AnnualReport(year, items.size(), assessed.size(), worse,
                    AnnualEvaluation.worseThanVShare(assessed), METHOD, items);
        });
    }

    Mono<SiteYear> ofSite(MonitoringSite site, int year) {
        return samples.ofSiteInYear(site.code(), year)
                .map(WaterSample::parameters)
                .collectList()
                .map(values -> siteYear(site, year, values));
    }

    /**
     * Records the year's share for the plan's indicator; while no site of the year is assessed (its last sample
     * deleted, say) there is no share, and one recorded before is withdrawn.
     */
    Mono<Void> feedIndicator(int year) {
        return ofYear(year).flatMap(report -> report.assessedSites() > 0 ? indicators.recordWorseThanVShare(report)
                : indicators.withdrawWorseThanVShare(year));
    }

    /** {@link #feedIndicator} for every year the site has samples in, after a change that reclasses them all. */
    Mono<Void> feedIndicatorForYearsOf(String site) {
        return samples.yearsOf(site).concatMap(this::feedIndicator).then();
    }

    private SiteYear siteYear(MonitoringSite site, int year, List<Map<String, BigDecimal>> values) {
        return SiteYear.of(site, year, evaluation.evaluate(site.waterbody(), values));
    }
}

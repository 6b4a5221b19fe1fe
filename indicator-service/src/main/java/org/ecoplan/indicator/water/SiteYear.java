package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.indicator.water.AnnualEvaluation.AnnualClass;

/**
 * A monitoring site's year, as 环办〔2011〕22号 evaluates it. A site without samples that year has
 * {@code samples} 0 and no class: it is not assessed.
 *
 * @param means             each parameter's annual mean, rounded for display
 * @param waterClass        the single-factor class of the means; null when not assessed
 * @param referenceClasses  classes reported apart, deciding nothing (total nitrogen of lakes and reservoirs)
 * @param notClassified     averaged parameters the method does not evaluate here (total nitrogen of rivers)
 * @param meetsTarget       whether the class is no worse than the plan's target; null without either
 */
public record SiteYear(String site, LocalizedName name, Waterbody waterbody, int year, int samples,
        Map<String, BigDecimal> means, @JsonProperty("class") WaterQualityClass waterClass,
        List<String> limitingParameters, Map<String, WaterQualityClass> parameterClasses,
        Map<String, WaterQualityClass> referenceClasses, List<String> notClassified, WaterQualityClass targetClass,
        Boolean meetsTarget) {

    static SiteYear of(MonitoringSite site, int year, AnnualClass annual) {
        if (annual == null) {
            return new SiteYear(site.code(), site.name(), site.waterbody(), year, 0, Map.of(), null, List.of(),
                    Map.of(), Map.of(), List.of(), site.targetClass(), null);
        }
        Classification classification = annual.classification();
        return new SiteYear(site.code(), site.name(), site.waterbody(), year, annual.samples(), annual.means(),
                classification.waterClass(), classification.limitingParameters(), classification.parameterClasses(),
                classification.referenceClasses(), classification.notClassified(), site.targetClass(),
                site.meetsTarget(classification.waterClass()));
    }

    boolean assessed() {
        return waterClass != null;
    }
}

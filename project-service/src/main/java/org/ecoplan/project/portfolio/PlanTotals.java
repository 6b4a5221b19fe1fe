package org.ecoplan.project.portfolio;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.portfolio.Portfolio.Availability;
import org.ecoplan.project.portfolio.Portfolio.PlanIndicator;
import org.ecoplan.project.portfolio.Portfolio.PlanTarget;
import org.ecoplan.project.portfolio.Portfolio.Quantity;

/**
 * 污染物排放总量控制: the plan's Table 2 indicators for pollutant totals, and how much of them the projects cover.
 * The city assigns each district a 减排量, a decrease of annual emissions in 万吨, so the projects' reductions in
 * t/a are set against it directly once converted to tonnes.
 */
final class PlanTotals {

    /** The indicator of each pollutant the plan totals; TN and TP have none. */
    static final Map<Pollutant, String> INDICATORS;

    static {
        Map<Pollutant, String> codes = new EnumMap<>(Pollutant.class);
        codes.put(Pollutant.COD, "EMISSION-COD");
        codes.put(Pollutant.NH3_N, "EMISSION-NH3N");
        codes.put(Pollutant.NOX, "EMISSION-NOX");
        codes.put(Pollutant.VOCS, "EMISSION-VOCS");
        INDICATORS = Collections.unmodifiableMap(codes);
    }

    static final String TONNES = "t";

    /** 1 万吨 = 10,000 t; the plan's totals are in 万吨. */
    private static final Map<String, BigDecimal> TONNES_PER_UNIT = Map.of("万吨", BigDecimal.valueOf(10_000), "吨",
            BigDecimal.ONE, TONNES, BigDecimal.ONE);

    private static final String REDUCTION_TO_REACH = "HIGHER_IS_BETTER";

    private PlanTotals() {
    }

    /**
     * The indicator as the portfolio shows it.
     *
     * @param expected the projects' expected reductions in t/a
     * @param achieved the projects' achieved reductions in t/a
     */
    static PlanIndicator indicator(String code, IndicatorAnswer answer, BigDecimal expected, BigDecimal achieved) {
        if (answer instanceof IndicatorAnswer.Unavailable unavailable) {
            return unavailable(code, unavailable.reason());
        }
        PlanIndicatorDetail indicator = ((IndicatorAnswer.Found) answer).indicator();
        PlanIndicatorDetail.Target target = indicator.target();
        if (target == null) {
            return unavailable(code, new LocalizedName("指标服务未给出目标", "indicator-service gave no target"));
        }
        if (target.value() == null) {
            return new PlanIndicator(code, Availability.AVAILABLE, null, indicator.name(), target.type(),
                    target.text(), null, null, null);
        }
        BigDecimal tonnesPerUnit = TONNES_PER_UNIT.get(indicator.unit());
        if (tonnesPerUnit == null) {
            return unavailable(code, new LocalizedName("指标单位" + indicator.unit() + "无法换算为吨",
                    "the indicator's unit " + indicator.unit() + " does not convert to tonnes"));
        }
        BigDecimal tonnes = Amounts.tidy(target.value().multiply(tonnesPerUnit));
        boolean reductionToReach = REDUCTION_TO_REACH.equals(target.direction());
        return new PlanIndicator(code, Availability.AVAILABLE, null, indicator.name(), target.type(), target.text(),
                new PlanTarget(target.year(), new Quantity(target.value(), indicator.unit()),
                        new Quantity(tonnes, TONNES), target.direction()),
                reductionToReach ? Amounts.percent(expected, tonnes) : null,
                reductionToReach ? Amounts.percent(achieved, tonnes) : null);
    }

    private static PlanIndicator unavailable(String code, LocalizedName reason) {
        return new PlanIndicator(code, Availability.UNAVAILABLE, reason, null, null, null, null, null, null);
    }
}

package org.ecoplan.project.portfolio;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.ecoplan.common.i18n.LocalizedName;

/**
 * The part of indicator-service's {@code GET /api/v1/indicators/{code}} the portfolio reads. Kinds and directions
 * stay text: a kind indicator-service adds later must not make its answer unreadable here.
 *
 * @param unit the indicator's unit, 万吨 for the pollutant totals
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PlanIndicatorDetail(String code, LocalizedName name, String unit, Target target) {

    /**
     * @param type      {@code ASSIGNED_BY_CITY} for the pollutant totals (市级下达)
     * @param value     the figure in the indicator's unit; null while the city has given none
     * @param direction {@code HIGHER_IS_BETTER} or {@code LOWER_IS_BETTER}; null without a figure
     * @param text      the target as the plan prints it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Target(int year, String type, BigDecimal value, String direction, String text) {
    }
}

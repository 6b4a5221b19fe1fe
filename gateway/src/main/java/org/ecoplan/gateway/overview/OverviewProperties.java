package org.ecoplan.gateway.overview;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Time budgets of {@code GET /api/v1/overview}. The parts are asked at the same time, so the whole takes as long
 * as its slowest part: each part gets the shorter of the two budgets.
 *
 * @param partBudget how long one service may take before its part is marked unavailable
 * @param totalBudget the longest the overview as a whole may take
 */
@Validated
@ConfigurationProperties("ecoplan.overview")
public record OverviewProperties(@NotNull @DefaultValue("1500ms") Duration partBudget,
        @NotNull @DefaultValue("2s") Duration totalBudget) {

    Duration deadline() {
        return partBudget.compareTo(totalBudget) <= 0 ? partBudget : totalBudget;
    }
}

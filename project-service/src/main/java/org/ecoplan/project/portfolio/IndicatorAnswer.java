package org.ecoplan.project.portfolio;

import org.ecoplan.common.i18n.LocalizedName;

/** What indicator-service answered for one indicator: the indicator, or why there is none to show. */
sealed interface IndicatorAnswer {

    record Found(PlanIndicatorDetail indicator) implements IndicatorAnswer {
    }

    record Unavailable(LocalizedName reason) implements IndicatorAnswer {
    }
}

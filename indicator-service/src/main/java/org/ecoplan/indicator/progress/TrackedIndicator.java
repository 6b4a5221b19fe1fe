package org.ecoplan.indicator.progress;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.indicator.catalog.Attribute;
import org.ecoplan.indicator.catalog.Baseline;
import org.ecoplan.indicator.catalog.Indicator;

/**
 * The part of a catalogue indicator that progress and the plan checks read, taken once from the document so that
 * the rules and their tests do not depend on the document's other fields.
 */
record TrackedIndicator(String code, LocalizedName name, String unit, Attribute attribute, Baseline baseline,
        Goal target, String footnote) {

    static TrackedIndicator of(Indicator indicator) {
        return new TrackedIndicator(indicator.code(), indicator.name(), indicator.unit(), indicator.attribute(),
                indicator.baseline(), Goal.of(indicator.target()), indicator.footnote());
    }

    /** The plan's baseline as a value; null where the table prints none ("—", "完成市级下达指标"). */
    AnnualValue planBaseline() {
        return baseline.value() == null ? null : AnnualValue.planTable(baseline.year(), baseline.value());
    }
}

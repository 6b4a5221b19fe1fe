package org.ecoplan.indicator.progress;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.indicator.catalog.Attribute;

/** One indicator's progress as the API answers it: which indicator, then the {@link Progress} fields inline. */
public record IndicatorProgress(String code, LocalizedName name, String unit, Attribute attribute,
        @JsonUnwrapped Progress progress) {

    static IndicatorProgress of(TrackedIndicator indicator, Progress progress) {
        return new IndicatorProgress(indicator.code(), indicator.name(), indicator.unit(), indicator.attribute(),
                progress);
    }
}

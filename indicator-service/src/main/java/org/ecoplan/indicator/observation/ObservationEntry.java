package org.ecoplan.indicator.observation;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A value as an editor enters it, by form or as one row of a bulk import.
 *
 * @param source 数据来源: who measured or published the value
 * @param method how it was obtained; with the source it makes the number traceable
 */
public record ObservationEntry(@NotNull Period period, @NotNull BigDecimal value,
        @NotBlank @Size(max = MAX_TEXT) String source, @NotBlank @Size(max = MAX_TEXT) String method,
        @Size(max = MAX_NOTE) String note) {

    static final int MAX_TEXT = 200;

    static final int MAX_NOTE = 2000;
}

package org.ecoplan.project.catalog;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A project's expected environmental performance (预计环境绩效/效益).
 *
 * @param text  the sentence as the plan prints it, null when the project states none
 * @param items the quantified reductions in it, at most one per pollutant; empty when the sentence names no amount
 */
public record ExpectedReductions(@Size(max = 2000) String text, List<@Valid Reduction> items) {

    /** Tonnes per year, the unit the plan uses for every quantified reduction (吨/年). */
    public static final String TONNES_PER_YEAR = "t/a";

    public ExpectedReductions {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Reduction(@NotNull Pollutant pollutant, @NotNull @PositiveOrZero BigDecimal amount,
            @NotNull @Pattern(regexp = TONNES_PER_YEAR, message = "must be " + TONNES_PER_YEAR) String unit) {
    }
}

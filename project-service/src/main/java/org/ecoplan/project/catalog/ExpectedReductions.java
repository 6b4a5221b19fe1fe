package org.ecoplan.project.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A project's expected environmental performance (预计环境绩效/效益).
 *
 * @param text  the sentence as the plan prints it, null when the project states none
 * @param items the quantified reductions in it; empty when the sentence names no amount
 */
public record ExpectedReductions(String text, List<Reduction> items) {

    /** Tonnes per year, the unit the plan uses for every quantified reduction (吨/年). */
    public static final String TONNES_PER_YEAR = "t/a";

    public ExpectedReductions {
        items = List.copyOf(items);
    }

    public record Reduction(Pollutant pollutant, BigDecimal amount, String unit) {
    }
}

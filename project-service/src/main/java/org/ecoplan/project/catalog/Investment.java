package org.ecoplan.project.catalog;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * An amount of money in 万元 (10,000 CNY), the unit of the plan's tables. The unit travels with the
 * amount so that no reader has to guess whether 230000 means yuan or 万元.
 */
public record Investment(@PositiveOrZero BigDecimal amount, String unit) {

    public static final String WAN_YUAN = "万元";

    public Investment {
        Objects.requireNonNull(amount, "amount");
        if (!WAN_YUAN.equals(unit)) {
            throw new IllegalArgumentException("investments are kept in " + WAN_YUAN + ", not " + unit);
        }
    }
}

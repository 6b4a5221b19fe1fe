package org.ecoplan.project.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the portfolio writes its numbers. */
final class Amounts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() {
    }

    /** Without trailing zeros yet never in exponent form: 2000, not 2000.0000 or 2E+3. */
    static BigDecimal tidy(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code part / whole} in percent to one place (half to even); null when {@code whole} is not positive. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_EVEN);
    }
}

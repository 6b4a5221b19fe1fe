package org.ecoplan.risk.grading;

import java.math.BigDecimal;

/**
 * The largest quantity of one risk substance present on site at any time (q of 5.1/6.1).
 *
 * @param key the substance's Appendix A key (its CAS number)
 * @param tonnes in tonnes, like the critical quantities
 */
public record SubstanceQuantity(String key, BigDecimal tonnes) {
}

package org.ecoplan.risk.grading;

import java.math.BigDecimal;

import org.ecoplan.common.i18n.LocalizedName;

/**
 * A kind of production process of HJ 941-2018's process table (生产工艺过程评估, 5.2.1/6.2.1), with the points each set
 * (套) of it adds to M.
 *
 * @param code e.g. {@code HAZARDOUS_PROCESS}
 */
public record ProcessType(String code, LocalizedName name, BigDecimal pointsPerSet) {
}

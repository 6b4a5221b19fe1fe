package org.ecoplan.risk.grading;

import java.math.BigDecimal;

/**
 * The grade of one medium: Q, M and E with their classes and the level the matrix gives. Under Q0 the level is
 * 一般 whatever M and E are, and those may be absent.
 */
public record MediumGrade(Medium medium, BigDecimal q, QClass qClass, BigDecimal m, MClass mClass, Sensitivity e,
        RiskLevel level) {

    /**
     * As HJ 941-2018 clause 8 writes it: {@code 较大-大气(Q2-M2-E3)}, or {@code 一般-水(Q0)} below Q1.
     */
    public String written() {
        String classes = qClass == QClass.Q0 ? "Q0" : qClass + "-" + mClass + "-" + e;
        return level.zh() + "-" + medium.zh() + "(" + classes + ")";
    }
}

package org.ecoplan.risk.grading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Grades by HJ 941-2018: Q from the substances on site, M from processes and controls, the level per medium from
 * the matrix and the enterprise's level from both. Pure: no storage, no clock.
 */
public final class RiskGrader {

    /** Q is shown to four places, cut rather than rounded, so that it never shows a bound it has not reached. */
    private static final int Q_SCALE = 4;

    private final Hj941Standard standard;

    public RiskGrader(Hj941Standard standard) {
        this.standard = standard;
    }

    public Hj941Standard standard() {
        return standard;
    }

    /**
     * Q = Σ q / Q over the substances (5.1/6.1).
     *
     * @throws IllegalArgumentException for a substance Appendix A does not list, or a negative quantity
     */
    public BigDecimal q(List<SubstanceQuantity> quantities) {
        BigDecimal sum = BigDecimal.ZERO;
        for (SubstanceQuantity quantity : quantities) {
            RiskSubstance substance = standard.substance(quantity.key())
                .orElseThrow(() -> new IllegalArgumentException(quantity.key() + " is not in " + Hj941Standard.CODE
                        + " Appendix A"));
            if (quantity.tonnes().signum() < 0) {
                throw new IllegalArgumentException("a quantity cannot be negative: " + quantity.tonnes());
            }
            sum = sum.add(quantity.tonnes().divide(substance.criticalQuantity(), MathContext.DECIMAL64));
        }
        return sum;
    }

    /**
     * The production-process part of M: each process type's points per set times its sets, at most the cap
     * (5.2.1/6.2.1).
     *
     * @param setsByProcess sets (套) by process type code
     * @throws IllegalArgumentException for an unknown process type or a negative count
     */
    public BigDecimal processScore(Map<String, Integer> setsByProcess) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> entry : setsByProcess.entrySet()) {
            ProcessType type = standard.processType(entry.getKey())
                .orElseThrow(() -> new IllegalArgumentException("no process type " + entry.getKey()));
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("a number of sets cannot be negative: " + entry.getValue());
            }
            sum = sum.add(type.pointsPerSet().multiply(BigDecimal.valueOf(entry.getValue())));
        }
        return sum.min(standard.processCap());
    }

    /**
     * One medium's grade.
     *
     * @param m needed from Q1 on; at most {@link Hj941Standard#maxM}
     * @param e needed from Q1 on
     * @throws IllegalArgumentException for a negative Q, a missing or out-of-range M, or a missing E
     */
    public MediumGrade grade(Medium medium, BigDecimal q, BigDecimal m, Sensitivity e) {
        QClass qClass = standard.qClass(q);
        if (m != null && (m.signum() < 0 || m.compareTo(standard.maxM(medium)) > 0)) {
            throw new IllegalArgumentException("M must be between 0 and " + standard.maxM(medium) + ", not " + m);
        }
        if (qClass != QClass.Q0 && (m == null || e == null)) {
            throw new IllegalArgumentException("from Q1 on the " + medium.en() + " grade needs M and E");
        }
        MClass mClass = m == null ? null : standard.mClass(m);
        return new MediumGrade(medium, q.setScale(Q_SCALE, RoundingMode.DOWN).stripTrailingZeros(), qClass, m, mClass,
                e, standard.matrix().levelFor(qClass, mClass, e));
    }

    /** The enterprise's grade from both media (7.1), raised one level when {@code raise} (7.2). */
    public EnterpriseGrade grade(MediumGrade air, MediumGrade water, boolean raise) {
        if (air.medium() != Medium.AIR || water.medium() != Medium.WATER) {
            throw new IllegalArgumentException("grade air as air and water as water");
        }
        RiskLevel higher = air.level().higher(water.level());
        RiskLevel level = raise ? higher.oneUp() : higher;
        return new EnterpriseGrade(level, higher, level != higher, air, water);
    }

    /**
     * Whether a penalty or incident on {@code last} still raises the level on {@code today}: within the adjustment
     * years (7.2), counting the anniversary day as within.
     */
    public boolean raises(LocalDate last, LocalDate today) {
        return last != null && !last.isAfter(today)
                && !last.isBefore(today.minusYears(standard.adjustmentYears()));
    }
}

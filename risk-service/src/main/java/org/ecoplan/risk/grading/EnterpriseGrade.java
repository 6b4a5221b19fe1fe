package org.ecoplan.risk.grading;

/**
 * An enterprise's level (HJ 941-2018 7): the higher of its air and water levels, one up after a penalty or incident
 * within the adjustment years.
 *
 * @param matrixLevel the higher of the media's levels, before the adjustment
 * @param raised whether the adjustment raised it
 */
public record EnterpriseGrade(RiskLevel level, RiskLevel matrixLevel, boolean raised, MediumGrade air,
        MediumGrade water) {

    /** As clause 8 writes it: {@code 较大[较大-大气(Q2-M2-E3)+一般-水(Q1-M1-E3)]}. */
    public String code() {
        return level.zh() + "[" + air.written() + "+" + water.written() + "]";
    }
}

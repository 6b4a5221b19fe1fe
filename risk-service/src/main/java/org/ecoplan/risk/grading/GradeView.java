package org.ecoplan.risk.grading;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A grade as the API shows it: levels in the standard's words (重大) with the filing letter and the English label.
 *
 * @param riskLevel the level's constant, as enterprises store it ({@code riskLevel})
 * @param matrixLevel the higher medium's level, before the penalty adjustment
 * @param raised whether a penalty or incident raised the level
 */
public record GradeView(String level, String letter, String levelEn, RiskLevel riskLevel, String code,
        String matrixLevel, boolean raised, MediumView air, MediumView water, String standard) {

    /**
     * One medium's grade; {@code mClass} and {@code e} are absent under Q0 when they were not given.
     *
     * @param code the medium as the enterprise's code writes it, e.g. {@code 较大-大气(Q2-M2-E3)}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MediumView(String level, RiskLevel riskLevel, BigDecimal q, QClass qClass, BigDecimal m,
            MClass mClass, Sensitivity e, String code) {

        static MediumView of(MediumGrade grade) {
            return new MediumView(grade.level().zh(), grade.level(), grade.q(), grade.qClass(), grade.m(),
                    grade.mClass(), grade.e(), grade.written());
        }
    }

    public static GradeView of(EnterpriseGrade grade) {
        RiskLevel level = grade.level();
        return new GradeView(level.zh(), level.letter(), level.en(), level, grade.code(), grade.matrixLevel().zh(),
                grade.raised(), MediumView.of(grade.air()), MediumView.of(grade.water()), Hj941Standard.CODE);
    }
}

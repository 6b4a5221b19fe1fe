package org.ecoplan.project.quality;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.Pollutant;

/**
 * Something in a project's record that looks wrong and wants a person to confirm or correct it. A finding
 * is a flag, never a rejection: the record stays as it was entered.
 *
 * @param figures the numbers the finding rests on
 */
public record QualityFinding(Check code, String projectCode, Severity severity, LocalizedName message,
        List<Figure> figures) {

    public QualityFinding {
        figures = List.copyOf(figures);
    }

    QualityFinding(Check code, String projectCode, LocalizedName message, List<Figure> figures) {
        this(code, projectCode, code.severity(), message, figures);
    }

    /** What was checked, each with how serious a failure is. */
    public enum Check {
        /** 单位减排投资异常: investment per t/a of expected reduction far from the projects reducing the same. */
        INVESTMENT_OUTLIER("单位减排投资异常", Severity.WARNING),
        /** 竣工年份早于开工年份. */
        COMPLETION_BEFORE_START("竣工年份早于开工年份", Severity.ERROR),
        /** The latest report claims more of a pollutant removed than the project ever expected. */
        ACHIEVED_ABOVE_EXPECTED("已实现削减量超过预计削减量", Severity.WARNING),
        /** A cumulative figure that falls: one of the two reports is wrong. */
        DISBURSED_DECREASED("累计完成投资减少", Severity.ERROR),
        /** More disbursed than the total: an overrun that no modification of the budget records. */
        DISBURSED_ABOVE_TOTAL("累计完成投资超过总投资", Severity.WARNING);

        private final String label;

        private final Severity severity;

        Check(String label, Severity severity) {
            this.label = label;
            this.severity = severity;
        }

        public String label() {
            return label;
        }

        public Severity severity() {
            return severity;
        }
    }

    public enum Severity {
        /** 警告: implausible, may still be right; someone should confirm it. */
        WARNING,
        /** 错误: cannot be right as it stands; someone must correct it. */
        ERROR
    }

    /**
     * One number behind a finding.
     *
     * @param name      what it is: {@code totalInvestment}, {@code disbursedToDate}, {@code expectedReduction},
     *                  {@code achievedReduction}, {@code investmentPerReduction}, {@code peerMedian},
     *                  {@code ratioToPeerMedian}, {@code peers}, {@code startYear}, {@code completionYear}
     * @param pollutant the pollutant it is about, if any
     * @param period    the report it comes from, if any
     * @param unit      its unit; absent for counts, years and ratios
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(String name, Pollutant pollutant, String period, BigDecimal value, String unit) {

        /** Without trailing zeros, never in exponent form (2E+3), which JSON readers and spreadsheets misread. */
        public Figure {
            value = new BigDecimal(value.stripTrailingZeros().toPlainString());
        }

        static Figure of(String name, BigDecimal value, String unit) {
            return new Figure(name, null, null, value, unit);
        }

        static Figure ofPollutant(String name, Pollutant pollutant, BigDecimal value, String unit) {
            return new Figure(name, pollutant, null, value, unit);
        }

        static Figure ofPeriod(String name, String period, BigDecimal value, String unit) {
            return new Figure(name, null, period, value, unit);
        }
    }
}

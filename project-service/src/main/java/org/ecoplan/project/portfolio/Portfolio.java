package org.ecoplan.project.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.progress.ScheduleStatus;

/**
 * The key projects rolled up on one day: their money, where they stand, and what they remove against what the
 * plan counts on. Projects cancelled by that day plan no investment and no reduction any more; money they
 * disbursed and reductions they achieved still count, because they happened.
 *
 * @param year             the year asked for, null for today
 * @param asOf             the day the figures are for: the end of the year asked for, or today for the current
 *                         year (or none), since a year end still ahead would count work that is not yet due
 * @param projects         how many projects the portfolio holds, cancelled ones included
 * @param byStatus         every status with the projects in it on {@code asOf}, zeros included
 * @param byScheduleStatus every schedule status with the projects in it on {@code asOf}, zeros included
 * @param withoutSchedule  projects without a schedule status (cancelled ones)
 * @param reductions       every pollutant, expected against achieved, with the plan's indicator where it has one
 */
public record Portfolio(Integer year, LocalDate asOf, int projects, Investments investment,
        List<StatusCount> byStatus, List<ScheduleCount> byScheduleStatus, int withoutSchedule,
        List<PollutantReductions> reductions) {

    /**
     * Money planned and disbursed, all in 万元.
     *
     * @param byType       per 项目类型, in Table 4's order
     * @param byDepartment per lead department, in the order they first lead a project in Table 4
     * @param byYear       every year from the first start to the last completion (or {@code asOf}'s year if later)
     */
    public record Investments(InvestmentFigures total, List<InvestmentGroup> byType,
            List<InvestmentGroup> byDepartment, List<InvestmentYear> byYear) {
    }

    /**
     * @param projects          projects in the group, cancelled ones included
     * @param planned           total investment of the projects not cancelled
     * @param plannedToDate     the part of {@code planned} falling into the years up to {@code asOf}'s, each
     *                          project's total spread evenly over its years
     * @param disbursed         investment disbursed to date as last reported, cancelled projects included
     * @param financialProgress disbursed / planned in percent; null when nothing is planned
     */
    public record InvestmentFigures(int projects, Investment planned, Investment plannedToDate, Investment disbursed,
            BigDecimal financialProgress) {
    }

    /** @param key the 项目类型 or the lead department's code */
    public record InvestmentGroup(String key, @JsonUnwrapped InvestmentFigures figures) {
    }

    /**
     * @param planned   the part of the projects' totals falling into the year: each total spread evenly over
     *                  startYear..completionYear
     * @param disbursed disbursed during the year: disbursed to date at its end (or on {@code asOf}) less disbursed
     *                  to date at the end of the year before; null for years after {@code asOf}'s
     */
    public record InvestmentYear(int year, Investment planned, Investment disbursed) {
    }

    public record StatusCount(ProjectStatus status, String label, int projects) {
    }

    public record ScheduleCount(ScheduleStatus status, String label, int projects) {
    }

    /**
     * @param expected      the projects' expected reductions (预计削减量), projects cancelled by {@code asOf} left out
     * @param achieved      the reductions achieved to date as last reported
     * @param achievedShare achieved / expected in percent; null when none is expected
     * @param projects      how many projects not cancelled expect a reduction of the pollutant
     * @param planIndicator the plan's pollutant-total indicator (污染物排放总量控制); null for pollutants without one
     */
    public record PollutantReductions(Pollutant pollutant, String label, Quantity expected, Quantity achieved,
            BigDecimal achievedShare, int projects, PlanIndicator planIndicator) {
    }

    /**
     * One of the plan's pollutant-total indicators as indicator-service states it, with the share of its target
     * the projects cover.
     *
     * @param status        whether indicator-service answered; the rest is null when not
     * @param reason        why the indicator is unavailable, null when it is available
     * @param targetType    {@code ASSIGNED_BY_CITY} for these indicators (市级下达)
     * @param targetText    the target as the plan prints it
     * @param target        the figure, null while the city has given none
     * @param expectedShare expected reductions / target in percent; null without a figure to reach
     * @param achievedShare achieved reductions / target in percent; null without a figure to reach
     */
    public record PlanIndicator(String code, Availability status, LocalizedName reason, LocalizedName name,
            String targetType, String targetText, PlanTarget target, BigDecimal expectedShare,
            BigDecimal achievedShare) {
    }

    /**
     * @param value     the figure in the indicator's own unit (万吨)
     * @param tonnes    the same in tonnes, the unit the projects' reductions per year are set against
     * @param direction {@code HIGHER_IS_BETTER} for a reduction to reach; {@code LOWER_IS_BETTER} would make it a
     *                  cap on emissions, which reductions do not fill, so no share is computed then
     */
    public record PlanTarget(int year, Quantity value, Quantity tonnes, String direction) {
    }

    public enum Availability {
        AVAILABLE,
        /** indicator-service was slow, failed or did not know the indicator. */
        UNAVAILABLE
    }

    /** An amount with its unit: {@code t/a} for reductions, {@code 万吨} and {@code t} for the plan's targets. */
    public record Quantity(BigDecimal amount, String unit) {
    }
}

package org.ecoplan.project.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecoplan.common.spreadsheet.SpreadsheetTable;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.portfolio.Portfolio.Availability;
import org.ecoplan.project.portfolio.Portfolio.InvestmentFigures;
import org.ecoplan.project.portfolio.Portfolio.PlanIndicator;
import org.ecoplan.project.portfolio.Portfolio.PollutantReductions;

/**
 * The portfolio as one table: each section of the API's answer becomes rows named by their section in the first
 * column, with one column per figure, its unit in the heading. One file keeps the sections of one day together,
 * and a spreadsheet filters the section column to show one of them.
 */
final class PortfolioExport {

    static final List<String> HEADINGS = List.of("板块", "分组", "项目数（个）", "计划投资（万元）", "截至统计日计划投资（万元）",
            "完成投资（万元）", "投资完成率（%）", "预计削减量（t/a）", "已实现削减量（t/a）", "削减实现率（%）", "规划指标", "规划目标（t）",
            "预计削减占规划目标（%）", "已实现削减占规划目标（%）", "说明");

    private PortfolioExport() {
    }

    static SpreadsheetTable table(Portfolio portfolio) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(investment("投资合计", "合计", portfolio.investment().total(), "统计日 " + portfolio.asOf()));
        portfolio.investment().byType()
            .forEach(group -> rows.add(investment("投资（按项目类型）", group.key(), group.figures(), null)));
        portfolio.investment().byDepartment()
            .forEach(group -> rows.add(investment("投资（按牵头部门）", group.key(), group.figures(), null)));
        portfolio.investment().byYear().forEach(year -> rows.add(row("投资（按年度）", Integer.toString(year.year()),
                null, amount(year.planned()), null, amount(year.disbursed()), null, null, null, null, null, null,
                null, null, year.disbursed() == null ? "统计日之后，尚无完成投资" : "年度计划按开工至竣工年份均摊；完成投资为当年新增")));
        portfolio.byStatus().forEach(count -> rows.add(count("项目状态", count.label(), count.projects(), null)));
        portfolio.byScheduleStatus()
            .forEach(count -> rows.add(count("进度状态", count.label(), count.projects(), null)));
        rows.add(count("进度状态", "无进度状态", portfolio.withoutSchedule(), "已取消的项目"));
        portfolio.reductions().forEach(reduction -> rows.add(reduction(reduction)));
        return new SpreadsheetTable("重点项目汇总", HEADINGS, rows);
    }

    private static List<Object> investment(String section, String group, InvestmentFigures figures, String note) {
        return row(section, group, figures.projects(), amount(figures.planned()), amount(figures.plannedToDate()),
                amount(figures.disbursed()), figures.financialProgress(), null, null, null, null, null, null, null,
                note);
    }

    private static List<Object> count(String section, String group, int projects, String note) {
        return row(section, group, projects, null, null, null, null, null, null, null, null, null, null, null, note);
    }

    private static List<Object> reduction(PollutantReductions reduction) {
        PlanIndicator indicator = reduction.planIndicator();
        return row("减排（按污染物）", reduction.label(), reduction.projects(), null, null, null, null,
                reduction.expected().amount(), reduction.achieved().amount(), reduction.achievedShare(),
                indicator == null ? null : indicator.code(),
                indicator == null || indicator.target() == null ? null : indicator.target().tonnes().amount(),
                indicator == null ? null : indicator.expectedShare(),
                indicator == null ? null : indicator.achievedShare(), note(indicator));
    }

    private static String note(PlanIndicator indicator) {
        if (indicator == null) {
            return "规划未设总量指标";
        }
        if (indicator.status() == Availability.UNAVAILABLE) {
            return "规划指标暂不可用：" + indicator.reason().zh();
        }
        if (indicator.target() == null) {
            return "目标“" + indicator.targetText() + "”尚无数值";
        }
        return indicator.expectedShare() == null ? "目标为排放上限，不计算占比" : null;
    }

    private static BigDecimal amount(Investment investment) {
        return investment == null ? null : investment.amount();
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}

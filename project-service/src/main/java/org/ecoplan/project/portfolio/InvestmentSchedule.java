package org.ecoplan.project.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * 年度计划投资: how much of a project's total investment the plan puts into each year. Table 4 gives only the total
 * and the start and completion years, so the total is spread evenly over those years, both included; no
 * yearly budget exists to do better. Years in the wrong order (a data-quality finding) are read the other way
 * round rather than dropping the money.
 */
final class InvestmentSchedule {

    /** 万元 to four places is one yuan: finer than any budget line. */
    private static final int SCALE = 4;

    private InvestmentSchedule() {
    }

    /**
     * The total per year in 万元; the last year takes what rounding leaves, so the years add up to the total
     * exactly.
     */
    static SortedMap<Integer, BigDecimal> plannedPerYear(int startYear, int completionYear, BigDecimal total) {
        int first = Math.min(startYear, completionYear);
        int last = Math.max(startYear, completionYear);
        BigDecimal share = total.divide(BigDecimal.valueOf(last - first + 1L), SCALE, RoundingMode.HALF_EVEN);
        SortedMap<Integer, BigDecimal> perYear = new TreeMap<>();
        BigDecimal allotted = BigDecimal.ZERO;
        for (int year = first; year < last; year++) {
            perYear.put(year, Amounts.tidy(share));
            allotted = allotted.add(share);
        }
        perYear.put(last, Amounts.tidy(total.subtract(allotted)));
        return perYear;
    }
}

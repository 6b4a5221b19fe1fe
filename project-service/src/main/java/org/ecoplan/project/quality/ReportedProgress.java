package org.ecoplan.project.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Investment;

/**
 * A progress report as the progress feature stores it in {@value #COLLECTION}, reduced to what the checks read.
 * Read-only here: the progress feature owns the collection and writes every report.
 *
 * @param period                   the month ({@code 2024-03}) or quarter ({@code 2024-Q1}) reported on
 * @param disbursedToDate          investment disbursed since the start, cumulative
 * @param achievedReductionsToDate reductions achieved so far, per pollutant in t/a
 */
record ReportedProgress(String projectCode, String period, Investment disbursedToDate,
        List<Reduction> achievedReductionsToDate) {

    static final String COLLECTION = "progress_reports";

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    ReportedProgress {
        achievedReductionsToDate = achievedReductionsToDate == null ? List.of() : List.copyOf(achievedReductionsToDate);
    }

    /** The last day the report covers, by which its figures stood; empty for a period in neither form. */
    Optional<LocalDate> periodEnd() {
        Matcher month = MONTH.matcher(period);
        if (month.matches()) {
            int number = Integer.parseInt(month.group(2));
            return number < 1 || number > 12 ? Optional.empty()
                    : Optional.of(YearMonth.of(Integer.parseInt(month.group(1)), number).atEndOfMonth());
        }
        Matcher quarter = QUARTER.matcher(period);
        if (quarter.matches()) {
            return Optional.of(YearMonth.of(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)) * 3)
                .atEndOfMonth());
        }
        return Optional.empty();
    }
}

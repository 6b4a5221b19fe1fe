package org.ecoplan.project.progress;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 报告期: what a progress report covers, a month ({@code 2024-03}, 月报) or a quarter ({@code 2024-Q1}, 季报). A
 * report speaks for the state of the project at the end of its period, so that is when it starts to count. In JSON
 * it is its text.
 *
 * @param number the month 1-12 or the quarter 1-4
 */
public record ReportingPeriod(int year, Length length, int number) implements Comparable<ReportingPeriod> {

    public enum Length {
        MONTH(1, 12), QUARTER(3, 4);

        private final int months;

        private final int count;

        Length(int months, int count) {
            this.months = months;
            this.count = count;
        }
    }

    /** The plan periods the platform serves start in 2021; the range only keeps out typos like 20024. */
    static final int FIRST_YEAR = 2000;

    static final int LAST_YEAR = 2100;

    static final String FORMAT_HINT = "must be a month like 2024-03 or a quarter like 2024-Q1";

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(?:(\\d{2})|Q(\\d))");

    private static final Comparator<ReportingPeriod> CHRONOLOGICAL = Comparator
        .comparing(ReportingPeriod::lastDay)
        .thenComparing(ReportingPeriod::length);

    public ReportingPeriod {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(FORMAT_HINT + ", in a year from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        if (number < 1 || number > length.count) {
            throw new IllegalArgumentException(FORMAT_HINT + " (months 01 to 12, quarters Q1 to Q4)");
        }
    }

    /** @throws IllegalArgumentException saying what a period looks like, which the API answers with 400 */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ReportingPeriod parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(FORMAT_HINT);
        }
        int year = Integer.parseInt(matcher.group(1));
        return matcher.group(2) != null ? new ReportingPeriod(year, Length.MONTH, Integer.parseInt(matcher.group(2)))
                : new ReportingPeriod(year, Length.QUARTER, Integer.parseInt(matcher.group(3)));
    }

    /** Like {@link #parse}; empty for text that is no period. */
    public static Optional<ReportingPeriod> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        }
        catch (IllegalArgumentException notAPeriod) {
            return Optional.empty();
        }
    }

    public LocalDate firstDay() {
        return firstMonth().atDay(1);
    }

    public LocalDate lastDay() {
        return firstMonth().plusMonths(length.months - 1L).atEndOfMonth();
    }

    private YearMonth firstMonth() {
        return YearMonth.of(year, (number - 1) * length.months + 1);
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        return CHRONOLOGICAL.compare(this, other);
    }

    @JsonValue
    @Override
    public String toString() {
        return length == Length.MONTH ? "%d-%02d".formatted(year, number) : "%d-Q%d".formatted(year, number);
    }
}

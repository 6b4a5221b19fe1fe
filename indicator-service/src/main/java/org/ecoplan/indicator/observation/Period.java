package org.ecoplan.indicator.observation;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 统计期: what an observation's value covers, a year ({@code "2023"}) or a month ({@code "2023-05"}). In JSON it
 * is that text; it compares chronologically, a year before its own months.
 *
 * @param month 1-12, or null for a whole year
 */
public record Period(int year, Integer month) implements Comparable<Period> {

    /** Monitoring data of the bureau starts long after; a wider range only admits typos like 20023. */
    static final int FIRST_YEAR = 1949;

    static final int LAST_YEAR = 2100;

    private static final String FORMAT_HINT = "must be a year like 2023 or a month like 2023-05";

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2}))?");

    private static final Comparator<Period> CHRONOLOGICAL = Comparator.comparingInt(Period::year)
        .thenComparing(Period::month, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Period {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(FORMAT_HINT + ", between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException(FORMAT_HINT + " (month 01 to 12)");
        }
    }

    /**
     * @throws IllegalArgumentException saying what a period looks like, which the API answers with 400
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Period parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(FORMAT_HINT);
        }
        int year = Integer.parseInt(matcher.group(1));
        return new Period(year, matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2)));
    }

    public static Period ofYear(int year) {
        return new Period(year, null);
    }

    /** Whether this is a whole year; yearly and monthly values are not compared with each other. */
    public boolean isYear() {
        return month == null;
    }

    @Override
    public int compareTo(Period other) {
        return CHRONOLOGICAL.compare(this, other);
    }

    @JsonValue
    @Override
    public String toString() {
        return month == null ? Integer.toString(year) : "%d-%02d".formatted(year, month);
    }
}

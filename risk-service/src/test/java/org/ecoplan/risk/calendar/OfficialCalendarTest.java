package org.ecoplan.risk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each year's calendar against its State Council notice: weekday holidays are days off, the weekend days worked in
 * exchange (调休) are working days, and counting working days steps over a whole holiday. Rows are checked by hand
 * against the notices; {@code working} is what the calendar must answer.
 */
class OfficialCalendarTest {

    private static final OfficialCalendar CALENDAR = OfficialCalendar.fromClasspath();

    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
        "2021-01-01, false", "2021-02-07, true", "2021-02-11, false", "2021-02-17, false", "2021-02-18, true",
        "2021-02-20, true", "2021-04-05, false", "2021-04-25, true", "2021-05-05, false", "2021-05-08, true",
        "2021-06-14, false", "2021-09-18, true", "2021-09-20, false", "2021-09-21, false", "2021-09-26, true",
        "2021-10-07, false", "2021-10-08, true", "2021-10-09, true", "2021-10-10, false" })
    void year2021(LocalDate date, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
        "2022-01-03, false", "2022-01-29, true", "2022-01-30, true", "2022-01-31, false", "2022-02-04, false",
        "2022-02-07, true", "2022-04-02, true", "2022-04-04, false", "2022-04-05, false", "2022-04-24, true",
        "2022-05-02, false", "2022-05-04, false", "2022-05-07, true", "2022-06-03, false", "2022-09-12, false",
        "2022-10-07, false", "2022-10-08, true", "2022-10-09, true" })
    void year2022(LocalDate date, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
        "2023-01-02, false", "2023-01-03, true", "2023-01-27, false", "2023-01-28, true", "2023-01-29, true",
        "2023-04-05, false", "2023-04-23, true", "2023-05-03, false", "2023-05-06, true", "2023-06-23, false",
        "2023-06-25, true", "2023-09-29, false", "2023-10-06, false", "2023-10-07, true", "2023-10-08, true" })
    void year2023(LocalDate date, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
        "2024-01-01, false", "2024-02-04, true", "2024-02-09, true", "2024-02-12, false", "2024-02-16, false",
        "2024-02-18, true", "2024-04-05, false", "2024-04-07, true", "2024-04-28, true", "2024-05-03, false",
        "2024-05-11, true", "2024-06-10, false", "2024-09-14, true", "2024-09-16, false", "2024-09-29, true",
        "2024-10-07, false", "2024-10-12, true" })
    void year2024(LocalDate date, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    }

    /** The first year with Spring Festival eve and May 2 as statutory holidays (国务院令第795号). */
    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
        "2025-01-01, false", "2025-01-26, true", "2025-01-28, false", "2025-02-04, false", "2025-02-05, true",
        "2025-02-08, true", "2025-04-04, false", "2025-04-27, true", "2025-05-02, false", "2025-05-05, false",
        "2025-06-02, false", "2025-09-28, true", "2025-10-06, false", "2025-10-08, false", "2025-10-09, true",
        "2025-10-11, true" })
    void year2025(LocalDate date, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
        "2026-01-02, false", "2026-01-04, true", "2026-02-14, true", "2026-02-16, false", "2026-02-23, false",
        "2026-02-24, true", "2026-02-28, true", "2026-04-06, false", "2026-05-04, false", "2026-05-05, false",
        "2026-05-09, true", "2026-06-19, false", "2026-09-20, true", "2026-09-25, false", "2026-10-07, false",
        "2026-10-10, true" })
    void year2026(LocalDate date, boolean working) {
        assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    }

    /** Counting across each year's longest holiday, and the API's documented example. */
    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2021-02-10, 1, 2021-02-18", "2021-09-30, 2, 2021-10-09",
        "2022-01-28, 2, 2022-01-30", "2022-09-30, 1, 2022-10-08",
        "2023-01-20, 3, 2023-01-30", "2023-09-28, 1, 2023-10-07",
        "2024-02-08, 3, 2024-02-19", "2024-09-30, 2, 2024-10-09",
        "2025-01-27, 1, 2025-02-05", "2025-09-26, 20, 2025-10-30", "2025-09-30, 3, 2025-10-11",
        "2026-02-13, 1, 2026-02-14", "2026-02-14, 1, 2026-02-24", "2026-09-30, 1, 2026-10-08",
        "2025-12-31, 1, 2026-01-04", "2025-09-26, 0, 2025-09-26" })
    void addsWorkingDaysAcrossHolidays(LocalDate from, int count, LocalDate expected) {
        assertThat(CALENDAR.plusWorkingDays(from, count, false)).isEqualTo(new WorkingDay(expected, false));
        assertThat(CALENDAR.workingDaysBetween(from, expected, false)).isEqualTo(new WorkingDayCount(count, false));
    }

    @Test
    void everyPublishedYearFromTheFirstIsThere() {
        assertThat(CALENDAR.publishedYears()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
    }

    /** 2025 gained two statutory days (13 instead of 11), so 248 working days as published, against 2024's 251. */
    @ParameterizedTest(name = "{0}: {1} working days")
    @CsvSource({ "2021, 250", "2022, 249", "2023, 249", "2024, 251", "2025, 248", "2026, 248" })
    void workingDaysPerYear(int year, int workingDays) {
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31), true)
            .workingDays()).isEqualTo(workingDays);
    }

    @Test
    void adjustedWorkingDaysAreAllWeekendDaysAndHolidaysCiteTheirNotice() {
        for (int year : CALENDAR.publishedYears()) {
            for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
                CALENDAR.entry(date).ifPresent(entry -> {
                    if (entry.kind() == DayKind.WORKDAY) {
                        assertThat(entry.date().getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    }
                    // Each notice is published late in the year before the one it arranges.
                    assertThat(entry.notice()).matches("国办发明电〔(" + (year - 1) + "|" + year + ")〕\\d+号");
                });
            }
        }
    }

    @Test
    void aYearWithoutPublishedCalendarIsRefusedUnlessEstimated() {
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2027, 3, 1)))
            .isInstanceOf(CalendarNotPublishedException.class)
            .hasMessageContaining("2027");
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.of(2026, 12, 30), 5, false))
            .isInstanceOfSatisfying(CalendarNotPublishedException.class, ex -> assertThat(ex.year()).isEqualTo(2027));
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.of(2020, 12, 30), 1, false))
            .isInstanceOf(CalendarNotPublishedException.class);
        // 2026-12-31 is a Thursday; the estimate skips only the weekend of 2027-01-02/03.
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 12, 31), 2, true))
            .isEqualTo(new WorkingDay(LocalDate.of(2027, 1, 4), true));
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 12, 1), 2, true))
            .isEqualTo(new WorkingDay(LocalDate.of(2026, 12, 3), false));
    }

    @Test
    void countingBackwardsIsNegative() {
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 10, 30), LocalDate.of(2025, 9, 26), false))
            .isEqualTo(new WorkingDayCount(-20, false));
    }
}

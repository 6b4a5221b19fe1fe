package org.ecoplan.risk.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewDeadlineTest {

    private static final LocalDate DUE = LocalDate.of(2029, 6, 30);

    @ParameterizedTest(name = "{0}: {1} days left, overdue={2}, reminder={3}")
    @CsvSource({
        "2029-01-01, 180, false, ",
        "2029-04-01, 90, false, 90",
        "2029-05-31, 30, false, 30",
        "2029-05-30, 31, false, 90",
        "2029-06-30, 0, false, 30",
        "2029-07-01, -1, true, " })
    void remindersAt90And30DaysThenOverdue(LocalDate today, long daysLeft, boolean overdue, Integer reminder) {
        assertThat(ReviewDeadline.of(DUE, today, List.of(30, 90)))
            .isEqualTo(new ReviewDeadline(DUE, daysLeft, overdue, reminder));
    }
}

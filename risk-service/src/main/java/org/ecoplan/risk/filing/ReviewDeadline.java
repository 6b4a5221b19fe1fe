package org.ecoplan.risk.filing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where a filed plan stands against its review deadline (每三年至少开展一次回顾性评估, 环发〔2015〕4号):
 * overdue after the due day; otherwise reminded at the largest reminder whose window it has entered.
 *
 * @param daysLeft calendar days from today to the due day; negative when overdue
 * @param reminder the reminder window entered, e.g. 30 for "due within 30 days"; null outside every window and
 *        once overdue
 */
public record ReviewDeadline(LocalDate dueOn, long daysLeft, boolean overdue, Integer reminder) {

    /** @param reminderDays the reminders in days before the deadline, in any order */
    public static ReviewDeadline of(LocalDate dueOn, LocalDate today, List<Integer> reminderDays) {
        long daysLeft = ChronoUnit.DAYS.between(today, dueOn);
        if (daysLeft < 0) {
            return new ReviewDeadline(dueOn, daysLeft, true, null);
        }
        Integer reminder = reminderDays.stream().filter(days -> daysLeft <= days).min(Integer::compare).orElse(null);
        return new ReviewDeadline(dueOn, daysLeft, false, reminder);
    }
}

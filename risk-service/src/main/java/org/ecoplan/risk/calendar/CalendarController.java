package org.ecoplan.risk.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ApiProblem.FieldError;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The official working-day calendar, for every platform role. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

    private final OfficialCalendar calendar;

    CalendarController(OfficialCalendar calendar) {
        this.calendar = calendar;
    }

    /** {@code date}, or {@code workingDays}, with {@code estimated} true where a year had to be estimated. */
    record WorkingDaysAnswer(LocalDate from, Integer add, LocalDate to, LocalDate date, Integer workingDays,
            boolean estimated) {
    }

    @GetMapping("/working-days")
    @Operation(summary = "The add-th working day after from (?from=2025-09-26&add=20 -> 2025-10-30), or the working "
            + "days after from up to and including to (?from=&to=); a year the State Council has not published "
            + "answers 422 unless estimate=true, which counts its weekends only and says estimated: true")
    WorkingDaysAnswer workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Min(0) @Max(1000) Integer add,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "count a year without a published calendar by its weekends only")
            @RequestParam(defaultValue = "false") boolean estimate) {
        if ((add == null) == (to == null)) {
            throw ApiProblem.badRequest("Give either add or to, not both or neither",
                    List.of(new FieldError(add == null ? "add" : "to",
                            "exactly one of add (working days to add) and to (a date to count to) is needed")));
        }
        if (add != null) {
            WorkingDay day = published(() -> calendar.plusWorkingDays(from, add, estimate));
            return new WorkingDaysAnswer(from, add, null, day.date(), null, day.estimated());
        }
        if (Math.abs(to.toEpochDay() - from.toEpochDay()) > OfficialCalendar.MAX_SPAN_DAYS) {
            throw ApiProblem.badRequest("from and to are too far apart",
                    List.of(new FieldError("to", "must be within ten years of from")));
        }
        WorkingDayCount count = published(() -> calendar.workingDaysBetween(from, to, estimate));
        return new WorkingDaysAnswer(from, null, to, null, count.workingDays(), count.estimated());
    }

    @GetMapping("/years/{year}")
    @Operation(summary = "One published year: its State Council notice and every holiday and adjusted working day")
    HolidayNotice year(@PathVariable int year) {
        return calendar.notice(year).orElseThrow(() -> ApiProblem.notFound("No official holiday calendar is "
                + "published for " + year + "; published: " + calendar.publishedYears()));
    }

    private <T> T published(Supplier<T> answer) {
        try {
            return answer.get();
        }
        catch (CalendarNotPublishedException ex) {
            SortedSet<Integer> years = calendar.publishedYears();
            throw ApiProblem.unprocessable("No official holiday calendar is published for " + ex.year()
                    + " (published: " + years.first() + "-" + years.last() + "); ask again with estimate=true for "
                    + "an estimate that takes only weekends as days off.",
                    List.of(new FieldError("estimate", "is needed to count through " + ex.year())));
        }
    }
}

package org.ecoplan.project.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ecoplan.project.catalog.Milestone;

/**
 * The progress a project's schedule expects by the end of each day: a straight line from 0 % at the start of
 * January 1 of its start year to 100 % at the end of December 31 of its completion year, bent through every
 * milestone that states the progress due on its planned date (主体完工 80 % by 2024-09-30). Milestones outside the
 * project's years leave the line alone, and a milestone that promises less than an earlier one is read as
 * promising as much, so the line never falls.
 */
final class PlannedProgress {

    private static final double FULL = 100;

    /** Knots of the line: positions in days (the end of day d is {@code d.toEpochDay() + 1}) and percentages. */
    private final List<double[]> knots;

    private PlannedProgress(List<double[]> knots) {
        this.knots = knots;
    }

    static PlannedProgress of(int startYear, int completionYear, List<Milestone> milestones) {
        double start = LocalDate.of(startYear, 1, 1).toEpochDay();
        double end = LocalDate.of(completionYear, 12, 31).toEpochDay() + 1;
        List<double[]> knots = new ArrayList<>();
        knots.add(new double[] { start, 0 });
        milestones.stream()
            .filter(milestone -> milestone.plannedProgress() != null)
            .map(milestone -> new double[] { endOf(milestone.plannedDate()),
                    milestone.plannedProgress().doubleValue() })
            .filter(knot -> knot[0] > start && knot[0] < end)
            .sorted(Comparator.comparingDouble(knot -> knot[0]))
            .forEach(knots::add);
        knots.add(new double[] { Math.max(end, start + 1), FULL });
        for (int i = 1; i < knots.size(); i++) {
            knots.get(i)[1] = Math.max(knots.get(i)[1], knots.get(i - 1)[1]);
        }
        return new PlannedProgress(knots);
    }

    /** Percent planned by the end of {@code day}, to one decimal. */
    BigDecimal on(LocalDate day) {
        return percent(at(endOf(day)));
    }

    /**
     * The first day by whose end the schedule expected {@code progress}: a project at {@code progress} on a later day
     * is behind by the days in between.
     */
    LocalDate dayReaching(BigDecimal progress) {
        double target = progress.doubleValue();
        double position = knots.get(knots.size() - 1)[0];
        if (target <= knots.get(0)[1]) {
            position = knots.get(0)[0];
        }
        else {
            for (int i = 1; i < knots.size(); i++) {
                double[] from = knots.get(i - 1);
                double[] to = knots.get(i);
                if (target <= to[1]) {
                    position = from[0] + (target - from[1]) / (to[1] - from[1]) * (to[0] - from[0]);
                    break;
                }
            }
        }
        // A position is the end of a day; the tolerance keeps rounding noise from pushing it into the next day.
        return LocalDate.ofEpochDay((long) Math.ceil(position - 1e-9) - 1);
    }

    private double at(double position) {
        double[] first = knots.get(0);
        if (position <= first[0]) {
            return first[1];
        }
        for (int i = 1; i < knots.size(); i++) {
            double[] from = knots.get(i - 1);
            double[] to = knots.get(i);
            if (position <= to[0]) {
                return from[1] + (to[1] - from[1]) * (position - from[0]) / (to[0] - from[0]);
            }
        }
        return knots.get(knots.size() - 1)[1];
    }

    private static double endOf(LocalDate day) {
        return day.toEpochDay() + 1;
    }

    static BigDecimal percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}

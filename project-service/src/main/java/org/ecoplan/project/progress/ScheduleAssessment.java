package org.ecoplan.project.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.project.catalog.Investment;
import org.ecoplan.project.catalog.Milestone;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.catalog.StatusChange;

/**
 * Where a project stands on a day, from its years, milestones, transitions and the progress reports whose periods
 * have ended by then. The project's status is taken as it was on that day (its transitions are dated), so a day in
 * the past is judged as it was then.
 * <ul>
 * <li>CANCELLED: no schedule status.</li>
 * <li>COMPLETED or ACCEPTED: ON_SCHEDULE when it was completed by the end of its completion year; completed later,
 * it stays DELAYED by the days it overran, for good: finishing does not undo the slippage, and the roll-ups should
 * still count the project as late. Nothing else is judged once the works are done.</li>
 * <li>Otherwise, the worst that applies: OVERDUE after December 31 of its completion year. DELAYED for a milestone
 * more than {@linkplain ScheduleThresholds#milestoneGrace the grace} past its planned date without being reached,
 * or reported progress trailing {@linkplain PlannedProgress planned progress} at the report's period end by
 * {@linkplain ScheduleThresholds#delayedGap the delayed gap} or more (a project still PLANNED without a report has
 * progressed 0 %). AT_RISK for a milestone late but within the grace, a smaller gap of
 * {@linkplain ScheduleThresholds#atRiskGap the at-risk gap} or more, a project under construction without a report
 * for longer than {@linkplain ScheduleThresholds#reportingGap the reporting gap} (counted from its latest report's
 * period end or from when construction began, whichever is later), or a suspended project. ON_SCHEDULE when
 * nothing applies.</li>
 * </ul>
 * Every status comes with its reasons, worst first, each naming the figures it rests on. Slippage is the largest of
 * the days past the completion year, the days an unreached milestone is late (within the grace too), and the days
 * between a report's period end and the day the schedule expected the progress it reports.
 */
public final class ScheduleAssessment {

    private static final Investment NOTHING = new Investment(BigDecimal.ZERO, Investment.WAN_YUAN);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final Comparator<Counted> LATEST = Comparator.comparing(Counted::end)
        .thenComparing(counted -> counted.report().reportedAt(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final ScheduleThresholds thresholds;

    public ScheduleAssessment(ScheduleThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param reports the project's reports; those whose period ends after {@code day} are left out. The period's
     *        end is read from the period itself, the report's own statement of what it covers.
     */
    public ProjectStanding standing(Project project, List<ProgressReport> reports, LocalDate day) {
        Optional<Counted> latest = reports.stream()
            .flatMap(report -> ReportingPeriod.tryParse(report.period())
                .map(period -> new Counted(report, period.lastDay()))
                .stream())
            .filter(counted -> !counted.end().isAfter(day))
            .max(LATEST);
        PlannedProgress plan = PlannedProgress.of(project.startYear(), project.completionYear(), project.milestones());
        Judgement judgement = judge(project, latest, plan, day);
        Optional<ProgressReport> report = latest.map(Counted::report);
        Investment disbursed = report.map(ProgressReport::disbursedToDate).orElse(NOTHING);
        return new ProjectStanding(project.code(), day, judgement.status(), judgement.reasons(),
                judgement.slippageDays(),
                report.map(ProgressReport::physicalProgress).orElse(null), plan.on(day), disbursed,
                financialProgress(disbursed, project.totalInvestment()),
                report.map(ProgressReport::achievedReductionsToDate).orElse(List.of()),
                report.map(ProgressReport::period).orElse(null));
    }

    private Judgement judge(Project project, Optional<Counted> latest, PlannedProgress plan, LocalDate day) {
        ProjectStatus status = project.statusOn(day);
        LocalDate endOfCompletionYear = LocalDate.of(project.completionYear(), 12, 31);
        if (status == ProjectStatus.CANCELLED) {
            return new Judgement(null, List.of(since(project, ProjectStatus.CANCELLED, day)
                .map(date -> reason("项目已于" + date + "取消，不再考核进度",
                        "Cancelled on " + date + "; no schedule is kept any more"))
                .orElseGet(() -> reason("项目已取消，不再考核进度", "Cancelled; no schedule is kept any more"))), 0);
        }
        if (status == ProjectStatus.COMPLETED || status == ProjectStatus.ACCEPTED) {
            return judgeCompletion(project, day, endOfCompletionYear);
        }
        Findings findings = new Findings();
        if (day.isAfter(endOfCompletionYear)) {
            long days = ChronoUnit.DAYS.between(endOfCompletionYear, day);
            findings.add(ScheduleStatus.OVERDUE, days, reason(
                    "竣工年份" + project.completionYear() + "年已过去" + days + "天，项目仍为“" + status.label() + "”状态",
                    days + " days past the end of its completion year " + project.completionYear() + ", and still "
                            + english(status)));
        }
        judgeMilestones(project, day, findings);
        judgeProgress(status, latest, plan, day, findings);
        if (status == ProjectStatus.UNDER_CONSTRUCTION) {
            judgeReporting(project, latest, day, findings);
        }
        if (status == ProjectStatus.SUSPENDED) {
            findings.add(ScheduleStatus.AT_RISK, 0, since(project, ProjectStatus.SUSPENDED, day)
                .map(date -> reason("项目自" + date + "暂停", "Suspended since " + date))
                .orElseGet(() -> reason("项目暂停中", "Suspended")));
        }
        return findings.judgement(day.getYear() < project.startYear()
                ? reason("计划" + project.startYear() + "年开工，尚未到开工年份", "Due to start in " + project.startYear())
                : reason("没有逾期的节点，进度不落后于计划", "No milestone is overdue and progress is not behind plan"));
    }

    private static Judgement judgeCompletion(Project project, LocalDate day, LocalDate endOfCompletionYear) {
        Optional<LocalDate> completed = since(project, ProjectStatus.COMPLETED, day);
        if (completed.isEmpty()) {
            return new Judgement(ScheduleStatus.ON_SCHEDULE,
                    List.of(reason("已完工，完工日期未记录", "Completed; the completion date is not recorded")), 0);
        }
        LocalDate date = completed.get();
        long late = ChronoUnit.DAYS.between(endOfCompletionYear, date);
        if (late <= 0) {
            return new Judgement(ScheduleStatus.ON_SCHEDULE, List.of(reason("已于" + date + "完工，未超过竣工年份"
                    + project.completionYear() + "年",
                    "Completed on " + date + ", within its completion year " + project.completionYear())), 0);
        }
        return new Judgement(ScheduleStatus.DELAYED, List.of(reason("已于" + date + "完工，比竣工年份"
                + project.completionYear() + "年年底晚" + late + "天",
                "Completed on " + date + ", " + late + " days after the end of its completion year "
                        + project.completionYear())), late);
    }

    private void judgeMilestones(Project project, LocalDate day, Findings findings) {
        long grace = thresholds.milestoneGrace().toDays();
        for (Milestone milestone : project.milestones()) {
            boolean reached = milestone.actualDate() != null && !milestone.actualDate().isAfter(day);
            long late = ChronoUnit.DAYS.between(milestone.plannedDate(), day);
            if (reached || late <= 0) {
                continue;
            }
            String zh = "节点“" + milestone.name().zh() + "”计划于" + milestone.plannedDate() + "完成，已逾期" + late
                    + "天，";
            String en = "Milestone “" + english(milestone.name()) + "” was due on " + milestone.plannedDate()
                    + " and is " + late + " days late, ";
            if (late > grace) {
                findings.add(ScheduleStatus.DELAYED, late,
                        reason(zh + "超过" + grace + "天宽限期", en + "beyond the " + grace + "-day grace"));
            }
            else {
                findings.add(ScheduleStatus.AT_RISK, late,
                        reason(zh + "尚在" + grace + "天宽限期内", en + "within the " + grace + "-day grace"));
            }
        }
    }

    private void judgeProgress(ProjectStatus status, Optional<Counted> latest, PlannedProgress plan,
            LocalDate day, Findings findings) {
        ProgressReport report = latest.map(Counted::report).orElse(null);
        if (report == null && (status != ProjectStatus.PLANNED || plan.on(day).signum() == 0)) {
            return;
        }
        BigDecimal actual = report == null ? BigDecimal.ZERO : report.physicalProgress();
        LocalDate asOf = latest.map(Counted::end).orElse(day);
        String planned = plan.on(asOf).toPlainString();
        LocalizedName figures = report == null
                ? reason("尚未开工，按计划截至" + asOf + "应完成" + planned + "%",
                        "Not started, while " + planned + " % was planned by " + asOf)
                : reason(report.period() + "进度报告实际完成" + actual.toPlainString() + "%，按计划截至" + asOf + "应完成"
                        + planned + "%", "The " + report.period() + " report shows " + actual.toPlainString()
                                + " % complete against " + planned + " % planned by " + asOf);
        BigDecimal gap = plan.on(asOf).subtract(actual);
        long behind = Math.max(0, ChronoUnit.DAYS.between(plan.dayReaching(actual), asOf));
        String points = gap.stripTrailingZeros().toPlainString();
        if (gap.compareTo(thresholds.delayedGap()) >= 0) {
            findings.add(ScheduleStatus.DELAYED, behind, append(figures, "，落后" + points + "个百分点",
                    ": " + points + " points behind, " + thresholds.delayedGap().toPlainString() + " or more"));
        }
        else if (gap.compareTo(thresholds.atRiskGap()) >= 0) {
            findings.add(ScheduleStatus.AT_RISK, behind, append(figures, "，落后" + points + "个百分点",
                    ": " + points + " points behind, " + thresholds.atRiskGap().toPlainString() + " or more"));
        }
        else {
            findings.onSchedule(behind, figures);
        }
    }

    private void judgeReporting(Project project, Optional<Counted> latest, LocalDate day, Findings findings) {
        long allowed = thresholds.reportingGap().toDays();
        LocalDate started = since(project, ProjectStatus.UNDER_CONSTRUCTION, day)
            .orElse(LocalDate.of(project.startYear(), 1, 1));
        if (latest.isPresent() && !latest.get().end().isBefore(started)) {
            ProgressReport report = latest.get().report();
            LocalDate end = latest.get().end();
            long silent = ChronoUnit.DAYS.between(end, day);
            if (silent > allowed) {
                findings.add(ScheduleStatus.AT_RISK, 0, reason("最近的进度报告是" + report.period() + "（截至"
                        + end + "），已" + silent + "天没有新报告，超过" + allowed + "天",
                        "The latest progress report is for " + report.period() + " (to " + end
                                + "): none for " + silent + " days, more than " + allowed));
            }
            return;
        }
        long silent = ChronoUnit.DAYS.between(started, day);
        if (silent > allowed) {
            findings.add(ScheduleStatus.AT_RISK, 0,
                    reason("自" + started + "开工以来" + silent + "天没有进度报告，超过" + allowed + "天",
                            "No progress report in the " + silent + " days since construction began on " + started
                                    + ", more than " + allowed));
        }
    }

    /** When the project last entered {@code status} by {@code day}, if its history says. */
    private static Optional<LocalDate> since(Project project, ProjectStatus status, LocalDate day) {
        LocalDate since = null;
        for (StatusChange change : project.statusHistory()) {
            if (change.to() == status && !change.date().isAfter(day)) {
                since = change.date();
            }
        }
        return Optional.ofNullable(since);
    }

    static BigDecimal financialProgress(Investment disbursed, Investment total) {
        if (total.amount().signum() == 0) {
            return null;
        }
        return disbursed.amount().multiply(HUNDRED).divide(total.amount(), 1, RoundingMode.HALF_UP);
    }

    private static String english(ProjectStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }

    private static String english(LocalizedName name) {
        return name.en() == null || name.en().isBlank() ? name.zh() : name.en();
    }

    private static LocalizedName reason(String zh, String en) {
        return new LocalizedName(zh, en);
    }

    private static LocalizedName append(LocalizedName reason, String zh, String en) {
        return new LocalizedName(reason.zh() + zh, reason.en() + en);
    }

    /** A report that counts, with the last day of its period. */
    private record Counted(ProgressReport report, LocalDate end) {
    }

    private record Judgement(ScheduleStatus status, List<LocalizedName> reasons, long slippageDays) {
    }

    private record Finding(ScheduleStatus level, LocalizedName reason) {
    }

    /** What the rules found about a project still to be finished, in the order they ran. */
    private static final class Findings {

        private final List<Finding> found = new ArrayList<>();

        /** The figures behind an ON_SCHEDULE, said only when nothing worse is found. */
        private LocalizedName figures;

        private long slippageDays;

        void add(ScheduleStatus level, long slippage, LocalizedName reason) {
            found.add(new Finding(level, reason));
            slippageDays = Math.max(slippageDays, slippage);
        }

        void onSchedule(long slippage, LocalizedName reason) {
            figures = reason;
            slippageDays = Math.max(slippageDays, slippage);
        }

        /** The worst finding with every reason, worst first; ON_SCHEDULE with the figures or {@code otherwise}. */
        Judgement judgement(LocalizedName otherwise) {
            if (found.isEmpty()) {
                return new Judgement(ScheduleStatus.ON_SCHEDULE, List.of(figures == null ? otherwise : figures),
                        slippageDays);
            }
            List<Finding> worstFirst = found.stream()
                .sorted(Comparator.comparing(Finding::level).reversed())
                .toList();
            return new Judgement(worstFirst.get(0).level(), worstFirst.stream().map(Finding::reason).toList(),
                    slippageDays);
        }
    }
}

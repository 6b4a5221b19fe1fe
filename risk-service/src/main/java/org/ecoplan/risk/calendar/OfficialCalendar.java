package org.ecoplan.risk.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Working days of the official Chinese calendar (工作日): Monday to Friday, except the statutory holidays, plus the
 * weekend days worked in exchange (调休), as the General Office of the State Council publishes them each year, one
 * data file per year ({@code calendar/cn-<year>.csv}).
 * <p>
 * A year without a published file is never guessed silently: every method throws
 * {@link CalendarNotPublishedException} for it unless the caller asks for an estimate, which takes only weekends as
 * days off and says so in its result.
 */
public final class OfficialCalendar {

    /** The first year the platform needs: the plan's period starts in 2021. */
    public static final int FIRST_YEAR = 2021;

    private static final String RESOURCE = "calendar/cn-%d.csv";

    private static final String HEADER = "date,kind,festival,notice";

    /** Ten years of working days bound one count: no deadline of the rules reaches further. */
    static final int MAX_SPAN_DAYS = 3660;

    private final SortedMap<Integer, HolidayNotice> notices;

    private final Map<LocalDate, NoticeEntry> entries;

    public OfficialCalendar(Collection<HolidayNotice> notices) {
        this.notices = notices.stream().collect(Collectors.toMap(HolidayNotice::year, Function.identity(),
                (a, b) -> {
                    throw new IllegalArgumentException("Two notices for " + a.year());
                }, TreeMap::new));
        this.entries = notices.stream().flatMap(notice -> notice.entries().stream())
            .collect(Collectors.toMap(NoticeEntry::date, Function.identity(), (a, b) -> {
                throw new IllegalArgumentException("Two entries for " + a.date());
            }));
    }

    /** The files on the class path, year by year from {@value #FIRST_YEAR} until the first missing one. */
    public static OfficialCalendar fromClasspath() {
        ClassLoader loader = OfficialCalendar.class.getClassLoader();
        List<HolidayNotice> notices = new ArrayList<>();
        for (int year = FIRST_YEAR;; year++) {
            String name = RESOURCE.formatted(year);
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    break;
                }
                List<NoticeEntry> entries = read(name, in);
                if (entries.isEmpty()) {
                    throw new IllegalStateException(name + " lists no date");
                }
                notices.add(new HolidayNotice(year, entries.get(0).notice(), entries));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot read " + name, ex);
            }
        }
        return new OfficialCalendar(notices);
    }

    /** One year's file: {@value #HEADER}, with {@code #} comment lines before the header. */
    static List<NoticeEntry> read(String name, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<NoticeEntry> entries = new ArrayList<>();
        boolean header = false;
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalStateException(name + " line " + number + ": expected the header " + HEADER);
                }
                header = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                entries.add(new NoticeEntry(LocalDate.parse(cells[0]), DayKind.valueOf(cells[1]), cells[2],
                        cells[3]));
            }
            catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
                throw new IllegalStateException(name + " line " + number + " is not " + HEADER + ": " + line, ex);
            }
        }
        return entries.stream().sorted(Comparator.comparing(NoticeEntry::date)).toList();
    }

    public SortedSet<Integer> publishedYears() {
        return new TreeSet<>(notices.keySet());
    }

    /** What the notice of the date's year says of it; empty for an ordinary day. */
    public Optional<NoticeEntry> entry(LocalDate date) {
        return Optional.ofNullable(entries.get(date));
    }

    /** The notice that arranges {@code year}, if published. */
    public Optional<HolidayNotice> notice(int year) {
        return Optional.ofNullable(notices.get(year));
    }

    /** @throws CalendarNotPublishedException for a date in a year without a published calendar */
    public boolean isWorkingDay(LocalDate date) {
        requirePublished(date.getYear());
        return workingDay(date);
    }

    /**
     * The {@code count}th working day after {@code from} ({@code from} itself for 0), as a deadline "within N
     * working days of" is counted.
     *
     * @param estimate whether a year without a published calendar may be counted by its weekends alone
     * @throws CalendarNotPublishedException when the count meets such a year and {@code estimate} is false
     */
    public WorkingDay plusWorkingDays(LocalDate from, int count, boolean estimate) {
        if (count < 0 || count > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("count must be 0 to " + MAX_SPAN_DAYS);
        }
        boolean estimated = false;
        LocalDate date = from;
        for (int left = count; left > 0;) {
            date = date.plusDays(1);
            estimated |= checkYear(date.getYear(), estimate);
            if (workingDay(date)) {
                left--;
            }
        }
        return new WorkingDay(date, estimated);
    }

    /**
     * The working days after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(d, plusWorkingDays(d, n).date())} is {@code n}; negative when {@code to} is earlier.
     *
     * @throws CalendarNotPublishedException as {@link #plusWorkingDays}
     */
    public WorkingDayCount workingDaysBetween(LocalDate from, LocalDate to, boolean estimate) {
        if (to.isBefore(from)) {
            WorkingDayCount forward = workingDaysBetween(to, from, estimate);
            return new WorkingDayCount(-forward.workingDays(), forward.estimated());
        }
        if (from.plusDays(MAX_SPAN_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("from and to are more than " + MAX_SPAN_DAYS + " days apart");
        }
        boolean estimated = false;
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            estimated |= checkYear(date.getYear(), estimate);
            if (workingDay(date)) {
                count++;
            }
        }
        return new WorkingDayCount(count, estimated);
    }

    private boolean workingDay(LocalDate date) {
        NoticeEntry entry = entries.get(date);
        if (entry != null) {
            return entry.kind() == DayKind.WORKDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** @return whether the year had to be estimated */
    private boolean checkYear(int year, boolean estimate) {
        if (notices.containsKey(year)) {
            return false;
        }
        if (!estimate) {
            throw new CalendarNotPublishedException(year);
        }
        return true;
    }

    private void requirePublished(int year) {
        checkYear(year, false);
    }
}

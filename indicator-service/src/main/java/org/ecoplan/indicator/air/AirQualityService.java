package org.ecoplan.indicator.air;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ecoplan.common.spreadsheet.SpreadsheetReader;
import org.ecoplan.common.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Imports hourly monitoring data and evaluates it by day and year; feeds the plan station's year to the plan. */
@Service
public class AirQualityService {

    /** A day list is a report a person reads; a year (and a leap day) is the most it spans. */
    static final int MAX_DAYS = 366;

    /** A file that is wrong throughout (another format, say) is answered with its first problems, not megabytes. */
    static final int MAX_REPORTED_BAD_ROWS = 1000;

    static final String PM25_INDICATOR = "AIR-PM25";

    static final String GOOD_DAYS_INDICATOR = "AIR-GOOD-DAYS";

    static final String DERIVATION_KIND = "AIR_ANNUAL";

    private final HourlyArchive archive;

    private final AirStandards standards;

    private final DailyEvaluation dailyEvaluation;

    private final AnnualEvaluation annualEvaluation;

    private final DerivedIndicators indicators;

    private final AirQualityProperties properties;

    AirQualityService(HourlyArchive archive, AirStandards standards, DailyEvaluation dailyEvaluation,
            AnnualEvaluation annualEvaluation, DerivedIndicators indicators, AirQualityProperties properties) {
        this.archive = archive;
        this.standards = standards;
        this.dailyEvaluation = dailyEvaluation;
        this.annualEvaluation = annualEvaluation;
        this.indicators = indicators;
        this.properties = properties;
    }

    /** What an import stored, per station, and what it derived for the plan. */
    public record ImportReport(int rows, List<StationRows> stations, Derivations derivations) {
    }

    public record StationRows(String station, int rows, LocalDateTime from, LocalDateTime to) {
    }

    /** The derived observations recorded, and those that the data could not support (or no longer). */
    public record Derivations(List<DerivedObservation> recorded, List<Skipped> skipped) {

        Derivations plus(Derivations more) {
            List<DerivedObservation> allRecorded = new ArrayList<>(recorded);
            allRecorded.addAll(more.recorded);
            List<Skipped> allSkipped = new ArrayList<>(skipped);
            allSkipped.addAll(more.skipped);
            return new Derivations(allRecorded, allSkipped);
        }
    }

    /**
     * @param withdrawn whether a value recorded before from the same station-year was withdrawn, its data no
     *        longer supporting it
     */
    public record Skipped(String indicatorCode, int year, String reason, boolean withdrawn) {

        Skipped(String indicatorCode, int year, String reason) {
            this(indicatorCode, year, reason, false);
        }

        Skipped afterWithdrawal(boolean withdrawn) {
            return new Skipped(indicatorCode, year, reason, withdrawn);
        }
    }

    /**
     * The daily AQI of the concentrations by the HJ 633 edition in force on {@code date}. A note to Table 1 that
     * sends a pollutant to a value not given (O3 8 h above 800 without the 1 h value) makes the request
     * unprocessable, as does a request without any concentration.
     */
    public AqiResult aqi(ItemConcentrations concentrations, LocalDate date) {
        AqiResult result;
        try {
            result = standards.aqiOn(date).daily(concentrations);
        }
        catch (StandardNotInForceException ex) {
            throw notInForce("date", ex);
        }
        if (!result.unresolved().isEmpty()) {
            List<ApiProblem.FieldError> errors = result.notComputed().entrySet().stream()
                .filter(entry -> result.unresolved().contains(entry.getKey().pollutant()))
                .map(entry -> new ApiProblem.FieldError(AqiRequest.fieldOf(entry.getKey()), "is above the last breakpoint, so "
                        + AqiRequest.fieldOf(standards.aqiOn(date).table().note(entry.getKey()).orElseThrow().useInstead())
                        + " is needed: " + entry.getValue()))
                .toList();
            throw ApiProblem.unprocessable(errors.get(0).field() + " " + errors.get(0).message(), errors);
        }
        if (result.aqi() == null) {
            throw ApiProblem.unprocessable("At least one concentration is needed",
                    List.of(new ApiProblem.FieldError(null, "at least one concentration is needed")));
        }
        return result;
    }

    /** The AQI levels of the HJ 633 edition in force on {@code date}, lowest first, with their colours. */
    public List<AqiCategory> categories(LocalDate date) {
        try {
            return standards.aqiOn(date).categories().levels();
        }
        catch (StandardNotInForceException ex) {
            throw notInForce("date", ex);
        }
    }

    /** The HJ 633 edition the calculator applies on {@code date}. */
    public StandardEdition aqiEdition(LocalDate date) {
        return standards.aqiOn(date).table().edition();
    }

    /**
     * Validates the whole file first and stores nothing if any row is bad; then stores every row and, for each year
     * of the plan station it touched, records the indicators that year's data support.
     */
    public Mono<ImportReport> importHourly(byte[] csv) {
        HourlyCsv.Parsed parsed = HourlyCsv.parse(SpreadsheetReader.csv(csv));
        if (!parsed.badRows().isEmpty()) {
            return Mono.error(badFile(parsed.badRows()));
        }
        List<HourlyMeasurement> rows = parsed.rows();
        TreeSet<Integer> planYears = new TreeSet<>();
        rows.stream()
            .filter(row -> row.station().equals(properties.planStation()))
            .forEach(row -> planYears.add(row.hour().getYear()));
        return archive.replace(rows)
            .then(Flux.fromIterable(planYears)
                .concatMap(this::deriveAfterImport)
                .reduce(new Derivations(List.of(), List.of()), Derivations::plus))
            .map(derivations -> new ImportReport(rows.size(), stations(rows), derivations));
    }

    /** Every day from {@code from} to {@code to}, days without data included (as not valid). */
    public Mono<List<DailyAirQuality>> daily(String station, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            return Mono.error(ApiProblem.unprocessable("The range must run forward and span at most " + MAX_DAYS
                    + " days", List.of(new ApiProblem.FieldError("to", "must be on or after from and at most "
                            + (MAX_DAYS - 1) + " days after it"))));
        }
        return days(station, from, to).onErrorMap(StandardNotInForceException.class, ex -> notInForce("from", ex));
    }

    public Mono<AnnualAirQuality> annual(String station, int year) {
        return year(station, year).onErrorMap(StandardNotInForceException.class, ex -> notInForce("year", ex));
    }

    /** Records the plan station's year as derived observations of the plan's air indicators. */
    public Mono<Derivations> derive(String station, int year) {
        if (!station.equals(properties.planStation())) {
            return Mono.error(ApiProblem.unprocessable("Only the plan station " + properties.planStation()
                    + " feeds the plan's indicators", List.of(new ApiProblem.FieldError("station", "must be "
                            + properties.planStation()))));
        }
        return annual(station, year).flatMap(annual -> record(station, annual));
    }

    /** Also for a year the import left without any value: what was derived from it before is withdrawn. */
    private Mono<Derivations> deriveAfterImport(int year) {
        return evaluate(properties.planStation(), year).flatMap(annual -> record(properties.planStation(), annual))
            .onErrorResume(StandardNotInForceException.class, ex -> Mono.just(new Derivations(List.of(),
                    List.of(new Skipped(PM25_INDICATOR, year, ex.getMessage()),
                            new Skipped(GOOD_DAYS_INDICATOR, year, ex.getMessage())))));
    }

    private Mono<AnnualAirQuality> year(String station, int year) {
        return evaluate(station, year)
            .filter(annual -> annual.daysWithData() > 0)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no hourly data of station " + station
                    + " in " + year)));
    }

    private Mono<AnnualAirQuality> evaluate(String station, int year) {
        return days(station, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
            .map(days -> annualEvaluation.evaluate(year, days, properties.areaClass()));
    }

    private Mono<List<DailyAirQuality>> days(String station, LocalDate from, LocalDate to) {
        return archive.days(station, from, to).collectMap(DayOfHours::date).map(stored -> {
            List<DailyAirQuality> days = new ArrayList<>();
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                days.add(dailyEvaluation.evaluate(stored.getOrDefault(date, new DayOfHours(date))));
            }
            return days;
        });
    }

    private Mono<Derivations> record(String station, AnnualAirQuality annual) {
        int year = annual.year();
        String reference = station + "/" + year;
        String link = "/api/v1/air-quality/annual?station=" + station + "&year=" + year;
        String source = "Hourly monitoring data of station " + station + ", " + year;
        List<DerivedObservation> recorded = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        AnnualAirQuality.PollutantYear pm25 = annual.pollutants().get(Pollutant.PM2_5);
        if (pm25.valid()) {
            recorded.add(new DerivedObservation(PM25_INDICATOR, year, pm25.value(), source,
                    "HJ 663-2013: annual mean of the valid PM2.5 24 h means (GB 3095-2012 Table 4), rounded by GB/T 8170",
                    DERIVATION_KIND, reference, link));
        }
        else {
            skipped.add(new Skipped(PM25_INDICATOR, year, "PM2.5 has " + pm25.dailyValues()
                    + " valid daily values, fewer than an annual mean needs (GB 3095-2012 Table 4)"));
        }
        if (annual.goodDayRatioValid()) {
            recorded.add(new DerivedObservation(GOOD_DAYS_INDICATOR, year, annual.goodDayRatio(), source,
                    "HJ 633-2012 daily AQI; good days (AQI <= 100) per valid day, in percent to 0.1",
                    DERIVATION_KIND, reference, link));
        }
        else {
            skipped.add(new Skipped(GOOD_DAYS_INDICATOR, year, annual.validDays()
                    + " valid days, fewer than a year needs (GB 3095-2012 Table 4)"));
        }
        return Flux.fromIterable(recorded)
            .concatMap(indicators::record)
            .thenMany(Flux.fromIterable(skipped)
                .concatMap(skip -> indicators.withdraw(skip.indicatorCode(), year, reference).map(skip::afterWithdrawal)))
            .collectList()
            .map(withdrawals -> new Derivations(List.copyOf(recorded), withdrawals));
    }

    private static List<StationRows> stations(List<HourlyMeasurement> rows) {
        Map<String, List<HourlyMeasurement>> byStation = new TreeMap<>();
        rows.forEach(row -> byStation.computeIfAbsent(row.station(), key -> new ArrayList<>()).add(row));
        return byStation.entrySet().stream().map(entry -> {
            List<LocalDateTime> times = entry.getValue().stream().map(HourlyMeasurement::hour).sorted().toList();
            return new StationRows(entry.getKey(), times.size(), times.get(0), times.get(times.size() - 1));
        }).toList();
    }

    private static ApiProblem badFile(List<HourlyCsv.BadRow> badRows) {
        List<ApiProblem.FieldError> errors = badRows.stream()
            .limit(MAX_REPORTED_BAD_ROWS)
            .map(bad -> new ApiProblem.FieldError("line " + bad.line() + (bad.column() == null ? "" : ", " + bad.column()),
                    bad.message()))
            .toList();
        ApiProblem problem = ApiProblem.unprocessable(badRows.size() + " bad row(s)"
                + (badRows.size() > MAX_REPORTED_BAD_ROWS ? ", the first " + MAX_REPORTED_BAD_ROWS + " listed" : "")
                + "; nothing was imported. Correct them and send the whole file again.", errors);
        problem.getBody().setProperty("badLines", badRows.stream().map(HourlyCsv.BadRow::line).distinct().limit(MAX_REPORTED_BAD_ROWS).toList());
        return problem;
    }

    private static ApiProblem notInForce(String field, StandardNotInForceException ex) {
        return ApiProblem.unprocessable(ex.getMessage(), List.of(new ApiProblem.FieldError(field, ex.getMessage())));
    }
}

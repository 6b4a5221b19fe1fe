package org.ecoplan.indicator.observation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.spreadsheet.SpreadsheetFormat;
import org.ecoplan.common.spreadsheet.SpreadsheetReader;
import org.ecoplan.common.spreadsheet.SpreadsheetReader.Row;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.indicator.catalog.DepartmentScope;
import org.ecoplan.indicator.catalog.Indicator;
import org.ecoplan.indicator.catalog.IndicatorCatalog;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk import of observations from CSV or XLSX with the columns {@value #HEADER}, all or nothing: every row is
 * checked first (the same rules as a single entry, plus no indicator and period twice in one file), and any bad
 * row rejects the file with 422 listing every bad row by line number. Otherwise all rows are stored as
 * {@link ObservationStatus#SUBMITTED} under one import id.
 * <p>
 * Without transactions, {@link StagedImports} keeps it all or nothing, also when the process dies while writing.
 */
@Service
class ObservationImport {

    static final String HEADER = "indicatorCode,period,value,source,method,note";

    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    private final Observations observations;

    private final IndicatorCatalog catalog;

    private final StagedImports staged;

    private final Validator validator;

    ObservationImport(Observations observations, IndicatorCatalog catalog, StagedImports staged,
            Validator validator) {
        this.observations = observations;
        this.catalog = catalog;
        this.staged = staged;
        this.validator = validator;
    }

    /**
     * The outcome of an import.
     *
     * @param imported how many observations were stored
     * @param flagged how many of them the outlier rule flagged for the approver
     */
    record ImportReceipt(String importId, int imported, int flagged, List<Observation> observations) {
    }

    /** @throws ApiProblem 422 listing every bad row, or saying why the file cannot be read */
    Mono<ImportReceipt> importFile(EcoPrincipal by, byte[] content, MediaType type, String idempotencyKey) {
        List<Row> rows = rows(content, type);
        return catalog.all().collectMap(Indicator::code).flatMap(indicators -> {
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            List<Candidate> candidates = candidates(by, rows, indicators, errors);
            if (!errors.isEmpty()) {
                long badRows = errors.stream().map(ApiProblem.FieldError::field).distinct().count();
                return Mono.error(ApiProblem.unprocessable(badRows + " of " + (rows.size() - 1)
                        + " rows are invalid; nothing was imported. See errors for every bad row.", errors));
            }
            return store(by, candidates, importId(by, idempotencyKey, content));
        });
    }

    private record Candidate(Indicator indicator, ObservationEntry entry, int line) {
    }

    private List<Row> rows(byte[] content, MediaType type) {
        List<Row> rows = SpreadsheetReader.read(content, SpreadsheetFormat.XLSX.mediaType().isCompatibleWith(type)
                ? SpreadsheetFormat.XLSX : SpreadsheetFormat.CSV);
        if (rows.isEmpty() || !rows.get(0).cells().stream().map(String::strip).toList().equals(COLUMNS)) {
            throw fileProblem("The first row must be the header " + HEADER);
        }
        if (rows.size() == 1) {
            throw fileProblem("The file holds a header and no observations.");
        }
        return rows;
    }

    private static ApiProblem fileProblem(String detail) {
        return ApiProblem.unprocessable(detail, List.of(new ApiProblem.FieldError("file", detail)));
    }

    private List<Candidate> candidates(EcoPrincipal by, List<Row> rows, Map<String, Indicator> indicators,
            List<ApiProblem.FieldError> errors) {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (Row row : rows.subList(1, rows.size())) {
            List<String> problems = new ArrayList<>();
            Candidate candidate = candidate(by, row, indicators, problems);
            if (candidate != null) {
                Integer first = firstLineOf.putIfAbsent(
                        candidate.indicator().code() + " " + candidate.entry().period(), row.line());
                if (first != null) {
                    problems.add("repeats indicator " + candidate.indicator().code() + " and period "
                            + candidate.entry().period() + " of line " + first);
                }
            }
            problems.forEach(problem -> errors.add(new ApiProblem.FieldError("line " + row.line(), problem)));
            if (problems.isEmpty()) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    /** The row as an entry of a known indicator the caller may edit; null with {@code problems} otherwise. */
    private Candidate candidate(EcoPrincipal by, Row row, Map<String, Indicator> indicators,
            List<String> problems) {
        if (row.cells().size() > COLUMNS.size()) {
            problems.add("has " + row.cells().size() + " cells; the header has " + COLUMNS.size());
            return null;
        }
        String code = row.cell(0);
        Indicator indicator = indicators.get(code);
        if (indicator == null) {
            problems.add("indicatorCode " + (code.isEmpty() ? "is missing" : code + " is no indicator"));
        }
        else if (!DepartmentScope.mayEdit(by, indicator)) {
            problems.add("indicatorCode " + code + " belongs to department " + indicator.department()
                    + ", which you may not report for");
        }
        Period period = null;
        try {
            period = Period.parse(row.cell(1));
        }
        catch (IllegalArgumentException ex) {
            problems.add("period " + ex.getMessage() + " (got '" + row.cell(1) + "')");
        }
        BigDecimal value = null;
        try {
            value = new BigDecimal(row.cell(2));
        }
        catch (NumberFormatException ex) {
            problems.add("value must be a number (got '" + row.cell(2) + "')");
        }
        ObservationEntry entry = new ObservationEntry(period, value, row.cell(3), row.cell(4),
                row.cell(5).isEmpty() ? null : row.cell(5));
        for (ConstraintViolation<ObservationEntry> violation : validator.validate(entry)) {
            String field = violation.getPropertyPath().toString();
            if (!field.equals("period") && !field.equals("value")) {
                problems.add(field + " " + violation.getMessage());
            }
        }
        if (indicator != null && value != null) {
            observations.rangeViolation(indicator, value).ifPresent(violation -> problems.add("value " + violation));
        }
        return indicator != null && problems.isEmpty() ? new Candidate(indicator, entry, row.line()) : null;
    }

    /**
     * Each row's id is the import id and its line, so that storing the same import again finds the rows it
     * stored before instead of adding new ones. Each indicator's approved values are read once for the outlier
     * rule, not once per row: a file of many rows would otherwise outlast the gateway's response timeout.
     */
    private Mono<ImportReceipt> store(EcoPrincipal by, List<Candidate> candidates, String importId) {
        Mono<List<Observation>> rows = Flux.fromIterable(candidates)
            .map(candidate -> candidate.indicator().code())
            .distinct()
            .concatMap(code -> observations.approvedSeries(code).collectList().map(series -> Map.entry(code, series)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue)
            .map(approved -> candidates.stream()
                .map(candidate -> observations.submitted("%s-%06d".formatted(importId, candidate.line()),
                        candidate.indicator(), candidate.entry(),
                        observations.outlierFinding(approved.get(candidate.indicator().code()),
                                candidate.entry().period(), candidate.entry().value()),
                        importId, by, null))
                .toList());
        return staged.store(importId, rows)
            .map(stored -> new ImportReceipt(importId, stored.size(),
                    (int) stored.stream().filter(Observation::outlier).count(), stored));
    }

    /**
     * A retried request (same caller, same {@code Idempotency-Key}, same file) gets the same import id, so a retry
     * after a crash completes the first attempt's import rather than storing a second one.
     */
    private static String importId(EcoPrincipal by, String idempotencyKey, byte[] content) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        byte[] caller = (by.subject() + "\n" + idempotencyKey + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] name = new byte[caller.length + content.length];
        System.arraycopy(caller, 0, name, 0, caller.length);
        System.arraycopy(content, 0, name, caller.length, content.length);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}

package org.ecoplan.risk.enterprise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.validation.Validator;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.spreadsheet.SpreadsheetFormat;
import org.ecoplan.common.spreadsheet.SpreadsheetReader;
import org.ecoplan.common.spreadsheet.SpreadsheetReader.Row;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.risk.receptor.Coordinates;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Registers enterprises from a CSV or XLSX file with {@link EnterpriseColumn}'s headings, all or nothing: every
 * row is checked first (as a single registration is, plus no credit code twice in the file or already
 * registered), and any bad row rejects the file with 422 naming each bad row's line and field.
 */
@Service
class EnterpriseImport {

    private static final Pattern LIST = Pattern.compile("[;；]");

    private final EnterpriseRegistry registry;

    private final ReactiveMongoTemplate template;

    private final Validator validator;

    private final EnterpriseProperties properties;

    EnterpriseImport(EnterpriseRegistry registry, ReactiveMongoTemplate template, Validator validator,
            EnterpriseProperties properties) {
        this.registry = registry;
        this.template = template;
        this.validator = validator;
        this.properties = properties;
    }

    /** @param enterprises as registered, in the file's order */
    record ImportReceipt(int imported, List<Enterprise> enterprises) {
    }

    /**
     * Parsing and checking a file of thousands of rows takes long enough to stall the server's event loop, so it
     * runs on the bounded-elastic workers.
     *
     * @throws ApiProblem 422 listing every bad row, or saying why the file cannot be read
     */
    Mono<ImportReceipt> importFile(EcoPrincipal by, byte[] content, MediaType type) {
        return Mono.just(content).publishOn(Schedulers.boundedElastic())
            .flatMap(bytes -> importRows(by, rows(bytes, type)));
    }

    private Mono<ImportReceipt> importRows(EcoPrincipal by, List<Row> rows) {
        Map<EnterpriseColumn, Integer> columns = columns(rows.get(0));
        List<Row> data = rows.subList(1, rows.size());
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<EnterpriseDraft> drafts = new ArrayList<>();
        for (Row row : data) {
            Function<String, String> at = field -> "line " + row.line() + ", " + field;
            int before = errors.size();
            EnterpriseDraft draft = draft(row, columns, at, errors);
            check(by, draft, at, errors);
            if (!draft.creditCode().isEmpty()) {
                Integer first = firstLine.putIfAbsent(draft.creditCode(), row.line());
                if (first != null) {
                    errors.add(new ApiProblem.FieldError(at.apply("creditCode"), "repeats line " + first));
                }
            }
            if (errors.size() == before) {
                drafts.add(draft);
            }
        }
        return template.find(Query.query(Criteria.where("creditCode").in(firstLine.keySet())), Enterprise.class)
            .doOnNext(registered -> errors.add(new ApiProblem.FieldError(
                    "line " + firstLine.get(registered.creditCode()) + ", creditCode",
                    registered.creditCode() + " is already registered as " + registered.id())))
            .then(Mono.defer(() -> {
                if (!errors.isEmpty()) {
                    long badRows = errors.stream().map(error -> error.field().split(",")[0]).distinct().count();
                    return Mono.error(ApiProblem.unprocessable(badRows + " of " + data.size()
                            + " rows are invalid; nothing was imported. See errors for every bad row.", errors));
                }
                return registry.registerAll(drafts).map(created -> new ImportReceipt(created.size(), created));
            }));
    }

    private List<Row> rows(byte[] content, MediaType type) {
        List<Row> rows = SpreadsheetReader.read(content,
                SpreadsheetFormat.XLSX.mediaType().isCompatibleWith(type) ? SpreadsheetFormat.XLSX
                        : SpreadsheetFormat.CSV, properties.importMaxRows());
        if (rows.size() < 2) {
            throw fileProblem("The file needs a row of headings and at least one enterprise.");
        }
        return rows;
    }

    /** Where each column is, from the headings; export-only columns are skipped. */
    private static Map<EnterpriseColumn, Integer> columns(Row headings) {
        Map<EnterpriseColumn, Integer> columns = new EnumMap<>(EnterpriseColumn.class);
        List<EnterpriseColumn> seen = new ArrayList<>();
        for (int i = 0; i < headings.cells().size(); i++) {
            String heading = headings.cell(i);
            if (heading.isEmpty()) {
                continue;
            }
            EnterpriseColumn column = EnterpriseColumn.headed(heading)
                .orElseThrow(() -> fileProblem("Line " + headings.line() + " has the unknown heading '" + heading
                        + "'; the headings are " + EnterpriseColumn.headings()));
            if (seen.contains(column)) {
                throw fileProblem("The heading " + heading + " appears twice.");
            }
            seen.add(column);
            if (column.imported()) {
                columns.put(column, i);
            }
        }
        List<String> missing = Arrays.stream(EnterpriseColumn.values())
            .filter(column -> column.required() && !columns.containsKey(column))
            .map(EnterpriseColumn::heading)
            .toList();
        if (!missing.isEmpty()) {
            throw fileProblem("The headings lack " + missing + ".");
        }
        return columns;
    }

    /**
     * The row as a draft. Cells that cannot be read (a number, 是 or 否, the contact lists) add their problems to
     * {@code errors} and are left empty in the draft, so that its other fields are still checked.
     */
    private static EnterpriseDraft draft(Row row, Map<EnterpriseColumn, Integer> columns,
            Function<String, String> at, List<ApiProblem.FieldError> errors) {
        Function<EnterpriseColumn, String> cell = column -> columns.containsKey(column)
                ? row.cell(columns.get(column)) : "";
        Coordinates location = location(cell.apply(EnterpriseColumn.LONGITUDE), cell.apply(EnterpriseColumn.LATITUDE),
                at, errors);
        boolean keySupervision = switch (cell.apply(EnterpriseColumn.KEY_SUPERVISION)) {
            case "", "否", "false" -> false;
            case "是", "true" -> true;
            default -> {
                errors.add(new ApiProblem.FieldError(at.apply("keySupervision"), "must be 是 or 否"));
                yield false;
            }
        };
        List<Contact> contacts = contacts(cell.apply(EnterpriseColumn.CONTACT_NAMES),
                cell.apply(EnterpriseColumn.CONTACT_PHONES), cell.apply(EnterpriseColumn.CONTACT_EMAILS), at, errors);
        String english = cell.apply(EnterpriseColumn.NAME_EN);
        return new EnterpriseDraft(new EnterpriseDraft.Name(cell.apply(EnterpriseColumn.NAME_ZH),
                english.isEmpty() ? null : english), cell.apply(EnterpriseColumn.CREDIT_CODE),
                cell.apply(EnterpriseColumn.ADDRESS), location, new Industry(cell.apply(EnterpriseColumn.INDUSTRY_CODE),
                        cell.apply(EnterpriseColumn.INDUSTRY_NAME)), contacts, cell.apply(EnterpriseColumn.DEPARTMENT),
                keySupervision);
    }

    private static Coordinates location(String longitude, String latitude, Function<String, String> at,
            List<ApiProblem.FieldError> errors) {
        if (longitude.isEmpty() && latitude.isEmpty()) {
            return null;
        }
        Double lon = number(longitude, at.apply(EnterpriseColumn.LONGITUDE.field()), errors);
        Double lat = number(latitude, at.apply(EnterpriseColumn.LATITUDE.field()), errors);
        return lon == null || lat == null ? null : new Coordinates(lon, lat);
    }

    private static Double number(String text, String field, List<ApiProblem.FieldError> errors) {
        try {
            return Double.valueOf(text);
        }
        catch (NumberFormatException ex) {
            errors.add(new ApiProblem.FieldError(field, "must be a number of degrees (got '" + text + "')"));
            return null;
        }
    }

    /** Contacts from the name, phone and e-mail cells, whose lists pair up by position. */
    private static List<Contact> contacts(String names, String phones, String emails, Function<String, String> at,
            List<ApiProblem.FieldError> errors) {
        List<String> nameList = list(names);
        List<String> phoneList = list(phones);
        List<String> emailList = list(emails);
        if (nameList.size() != phoneList.size() || !emailList.isEmpty() && emailList.size() != nameList.size()) {
            errors.add(new ApiProblem.FieldError(at.apply("contacts"), "lists " + nameList.size() + " names, "
                    + phoneList.size() + " phones and " + emailList.size() + " e-mails; give one of each per contact, "
                    + "separated by " + EnterpriseColumn.LIST_SEPARATOR + " (e-mails may all be left out)"));
            return List.of();
        }
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < nameList.size(); i++) {
            String email = emailList.isEmpty() || emailList.get(i).isEmpty() ? null : emailList.get(i);
            contacts.add(new Contact(nameList.get(i), phoneList.get(i), email));
        }
        return contacts;
    }

    private static List<String> list(String cell) {
        // -1 keeps trailing empty items: the last contact may have no e-mail.
        return cell.isEmpty() ? List.of() : Arrays.stream(LIST.split(cell, -1)).map(String::strip).toList();
    }

    /** The checks of a single registration, and the editor's department. */
    private void check(EcoPrincipal by, EnterpriseDraft draft, Function<String, String> at,
            List<ApiProblem.FieldError> errors) {
        validator.validate(draft).forEach(violation -> errors.add(new ApiProblem.FieldError(
                at.apply(violation.getPropertyPath().toString()), violation.getMessage())));
        registry.problems(draft.creditCode(), draft.supervisingDepartment())
            .forEach(error -> errors.add(new ApiProblem.FieldError(at.apply(error.field()), error.message())));
        if (!EnterpriseRegistry.mayRegisterFor(by, draft.supervisingDepartment())) {
            errors.add(new ApiProblem.FieldError(at.apply("supervisingDepartment"), "you register only enterprises "
                    + "of " + by.department().map(own -> "department " + own).orElse("your department")));
        }
    }

    private static ApiProblem fileProblem(String detail) {
        return ApiProblem.unprocessable(detail, List.of(new ApiProblem.FieldError("file", detail)));
    }
}

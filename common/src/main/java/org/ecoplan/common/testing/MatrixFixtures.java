package org.ecoplan.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ecoplan.common.testing.ApiClient.Body;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.ecoplan.common.testing.AuthorizationMatrix.Row;
import org.ecoplan.common.time.BureauDay;

import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;

/**
 * The fixtures behind the matrix's placeholders, as its header describes them, made through the API by the identity
 * the header names: one recipe for a service's own matrix test, which calls the service directly with test tokens,
 * and for the platform's, which calls the gateway with Keycloak's. Rows may be prepared from several threads.
 */
public final class MatrixFixtures {

    /** The placeholders each service's rows may use; a row using another one is reported, not guessed at. */
    static final Map<String, Set<String>> KNOWN = Map.of(
            "project-service", Set.of("project", "reportedProject", "milestonedProject", "attachment", "newCode",
                    "period"),
            "indicator-service", Set.of("indicator", "observation", "cityIndicator", "airStation", "site", "sample",
                    "newCode"),
            "risk-service", Set.of("plan", "completePlan", "submittedPlan", "filedPlan", "receptor", "newReceptor",
                    "creditCode", "yesterday"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String PERIOD = "2024-Q1";
    private static final String PROJECTS = "/api/v1/projects";
    private static final String FILINGS = "/api/v1/emergency-plans";
    private static final String SITES = "/api/v1/water-quality/sites";
    /** The plan's air-quality station, whose derived observations feed AIR-PM25. */
    private static final String AIR_STATION = "城陵矶";
    /** The documents a filing needs before it may be submitted. */
    private static final List<String> DOCUMENT_KINDS = List.of("filing-form", "plan", "risk-assessment",
            "resource-survey", "expert-review");
    /** A step on a filing, whose If-Match is the filing's version. */
    private static final Pattern FILING_STEP = Pattern.compile("(" + FILINGS
            + "/[^/]+)/(documents/[^/]+|submit|accept|return)");
    /** What the indicator-service's fixtures are at first: a write names that version. */
    private static final String FIRST_VERSION = "\"0\"";

    private final AuthorizationMatrix matrix;
    private final ApiClient api;
    private final Clock clock;
    private String plan;
    private String filedPlan;
    private boolean graded;
    private boolean airHourImported;

    /**
     * A row's request ready to send: its path, what If-Match to send, and how the placeholders of its body are
     * filled.
     */
    public record Call(String path, String ifMatch, UnaryOperator<String> placeholders) {
    }

    /** @param clock the service's, whose day before today a filing's dates may name */
    public MatrixFixtures(AuthorizationMatrix matrix, ApiClient api, Clock clock) {
        this.matrix = matrix;
        this.api = api;
        this.clock = clock;
    }

    /** The placeholders of the row's path and body that this recipe does not know how to fill. */
    public Set<String> unknownPlaceholders(Row row) {
        Set<String> used = new TreeSet<>(placeholders(row.path()));
        for (String text : bodyTexts(row)) {
            used.addAll(placeholders(text));
        }
        used.removeAll(KNOWN.getOrDefault(row.service(), Set.of()));
        return used;
    }

    /** Makes the fixtures one request of the row needs, fresh where the header says so. */
    public Call prepare(Row row) {
        Call call = switch (row.service()) {
            case "project-service" -> project(row);
            case "indicator-service" -> indicator(row);
            case "risk-service" -> risk(row);
            default -> throw new IllegalStateException("MatrixFixtures has none for " + row.service());
        };
        UnaryOperator<String> checked = text -> requireFilled(row, call.placeholders().apply(text));
        return new Call(requireFilled(row, call.path()), call.ifMatch(), checked);
    }

    private Call project(Row row) {
        String path = row.path();
        if (!mentions(row, "project", "reportedProject", "milestonedProject")) {
            return new Call(projectPlaceholders(path, null, ""), null, text -> projectPlaceholders(text, null, ""));
        }
        String code = newCode();
        String version = api.expect(201, Identity.ECO_ADMIN, HttpMethod.POST, PROJECTS, null,
                Body.json(matrix.body("project-new.json").replace("{newCode}", code))).eTag();
        String attachment = "";
        if (path.contains("{reportedProject}")) {
            ApiClient.Answer report = api.expect(201, Identity.ECO_ADMIN, HttpMethod.POST,
                    PROJECTS + "/" + code + "/reports", null, Body.multipart(matrix.parts(
                            "project-report-with-file.parts", text -> projectPlaceholders(text, code, ""))));
            version = report.eTag();
            attachment = report.json().get("attachments").get(0).get("id").asString();
        }
        if (path.contains("{milestonedProject}")) {
            version = api.expect(201, Identity.ECO_ADMIN, HttpMethod.PUT,
                    PROJECTS + "/" + code + "/milestones/m1", version,
                    Body.json(matrix.body("project-milestone.json"))).eTag();
        }
        String fileId = attachment;
        return new Call(projectPlaceholders(path, code, fileId), version,
                text -> projectPlaceholders(text, code, fileId));
    }

    private static String projectPlaceholders(String text, String code, String attachment) {
        String filled = text.replace("{newCode}", newCode()).replace("{period}", PERIOD)
                .replace("{attachment}", attachment);
        return code == null ? filled : filled.replace("{project}", code).replace("{reportedProject}", code)
                .replace("{milestonedProject}", code);
    }

    private Call indicator(Row row) {
        String request = row.path() + " " + String.join(" ", bodyTexts(row));
        Map<String, String> values = new LinkedHashMap<>();
        if (request.contains("{indicator}")) {
            String code = created("/api/v1/indicators", Identity.ECO_ADMIN, "indicator-fixture.json", Map.of())
                    .get("code").asString();
            values.put("{indicator}", code);
            if (request.contains("{observation}")) {
                values.put("{observation}", created("/api/v1/indicators/" + code + "/observations",
                        Identity.BUREAU_EDITOR_OWN, "observation.json", Map.of()).get("id").asString());
            }
        }
        if (request.contains("{cityIndicator}")) {
            values.put("{cityIndicator}", created("/api/v1/indicators", Identity.ECO_ADMIN,
                    "indicator-city-fixture.json", Map.of()).get("code").asString());
        }
        if (request.contains("{airStation}")) {
            importAirHour();
            // The client percent-encodes the path as UTF-8: encoded here, it would be encoded twice.
            values.put("{airStation}", AIR_STATION);
        }
        // In a creating body {site} is a code nobody uses; in a path, a site made for the request.
        values.put("{site}", newCode());
        if (row.path().contains("{site}")) {
            created(SITES, Identity.ECO_ADMIN, "water-site.json", values);
            if (row.path().contains("{sample}")) {
                values.put("{sample}", created(SITES + "/" + values.get("{site}") + "/samples", Identity.ECO_ADMIN,
                        "water-sample.json", values).get("id").asString());
            }
        }
        return new Call(filled(row.path(), values), FIRST_VERSION,
                text -> filled(text, values).replace("{newCode}", newCode()));
    }

    /** {@code {airStation}}'s hour of {@code air-hourly.csv}, imported once by eco-admin. */
    private synchronized void importAirHour() {
        if (!airHourImported) {
            api.expect(200, Identity.ECO_ADMIN, HttpMethod.POST, "/api/v1/air-quality/hourly", null,
                    Body.file("air-hourly.csv", matrix.body("air-hourly.csv")));
            airHourImported = true;
        }
    }

    /** A fixture {@code who} creates with the body file, its placeholders filled by {@code values}. */
    private JsonNode created(String path, Identity who, String body, Map<String, String> values) {
        return api.expect(201, who, HttpMethod.POST, path, null,
                Body.json(filled(matrix.body(body), values).replace("{newCode}", newCode()))).json();
    }

    private static String filled(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private Call risk(Row row) {
        String path = row.path();
        if (path.contains("{plan}")) {
            path = path.replace("{plan}", plan());
        }
        if (path.contains("{completePlan}")) {
            path = path.replace("{completePlan}", completePlan());
        }
        if (path.contains("{submittedPlan}")) {
            path = path.replace("{submittedPlan}", submittedPlan());
        }
        if (path.contains("{filedPlan}")) {
            path = path.replace("{filedPlan}", filedPlan());
        }
        if (path.contains("{receptor}")) {
            String code = newCode();
            api.expect(201, Identity.ECO_ADMIN, HttpMethod.POST, "/api/v1/receptors", null,
                    Body.json(matrix.body("risk-receptor.json").replace("{newReceptor}", code)));
            path = path.replace("{receptor}", code);
        }
        String versioned = versionedBy(row.method(), path);
        String ifMatch = versioned == null ? null : currentETag(versioned);
        String called = path;
        // A receptor's change keeps its code: the body names the receptor of the path.
        String receptor = called.startsWith("/api/v1/receptors/") ? called.substring(called.lastIndexOf('/') + 1)
                : null;
        return new Call(called, ifMatch, text -> text
                .replace("{newReceptor}", receptor == null ? newCode() : receptor)
                .replace("{creditCode}", creditCode())
                .replace("{yesterday}", yesterday()));
    }

    /** The path whose ETag a write's If-Match names, or null for a read or a write that creates. */
    private static String versionedBy(HttpMethod method, String path) {
        Matcher step = FILING_STEP.matcher(path);
        if (step.matches()) {
            return step.group(1);
        }
        return method.equals(HttpMethod.GET) || method.equals(HttpMethod.POST) ? null : path;
    }

    private String currentETag(String path) {
        return api.get(Identity.ECO_ADMIN, path).eTag();
    }

    /** {@code {plan}}: a draft filing of the matrix's own enterprise with its plan, made once by the enterprise. */
    private synchronized String plan() {
        if (plan == null) {
            String id = draft();
            upload(id, "plan");
            plan = id;
        }
        return plan;
    }

    /** {@code {completePlan}}: a new draft of the own enterprise with all five documents. */
    private String completePlan() {
        String id = draft();
        for (String kind : DOCUMENT_KINDS) {
            upload(id, kind);
        }
        return id;
    }

    /**
     * {@code {submittedPlan}}: a complete plan the own enterprise submitted, its enterprise graded by eco-admin's
     * risk sources (一般, below the plan's declared 较大) so that a reviewer can accept it.
     */
    private String submittedPlan() {
        grade();
        String id = completePlan();
        step(id, "submit", Identity.ENTERPRISE_OWN);
        return id;
    }

    private synchronized void grade() {
        if (!graded) {
            String sources = "/api/v1/enterprises/" + AuthorizationMatrix.OWN_ENTERPRISE + "/risk-sources";
            api.expect(200, Identity.ECO_ADMIN, HttpMethod.PUT, sources, currentETag(sources),
                    Body.json(matrix.body("risk-sources.json")));
            graded = true;
        }
    }

    /** {@code {filedPlan}}: a submitted plan a plan-reviewer accepted, made once. */
    private synchronized String filedPlan() {
        if (filedPlan == null) {
            String id = submittedPlan();
            step(id, "accept", Identity.PLAN_REVIEWER);
            filedPlan = id;
        }
        return filedPlan;
    }

    /** A new draft filing of the own enterprise: its id, by which the suite keeps to the filings it made. */
    private String draft() {
        return api.expect(201, Identity.ENTERPRISE_OWN, HttpMethod.POST, FILINGS, null,
                Body.json(matrix.body("risk-filing.json").replace("{yesterday}", yesterday()))).json()
                .get("id").asString();
    }

    private void upload(String filing, String kind) {
        api.expect(200, Identity.ENTERPRISE_OWN, HttpMethod.PUT, FILINGS + "/" + filing + "/documents/" + kind,
                currentETag(FILINGS + "/" + filing),
                Body.multipart(matrix.parts("risk-document.parts", UnaryOperator.identity())));
    }

    private void step(String filing, String step, Identity who) {
        api.expect(200, who, HttpMethod.POST, FILINGS + "/" + filing + "/" + step,
                currentETag(FILINGS + "/" + filing), Body.NONE);
    }

    /** The day before today in the bureau's calendar. */
    private String yesterday() {
        return BureauDay.today(clock).minusDays(1).toString();
    }

    private static String newCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** A fresh unified social credit code of 岳阳楼区, its GB 32100-2015 check character computed. */
    public static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("91430602MA");
        while (code.length() < 17) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < code.length(); i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weight;
            weight = weight * 3 % alphabet.length();
        }
        return code.append(alphabet.charAt((alphabet.length() - sum % alphabet.length()) % alphabet.length()))
                .toString();
    }

    private static boolean mentions(Row row, String... names) {
        for (String name : names) {
            if (row.path().contains("{" + name + "}")) {
                return true;
            }
        }
        return false;
    }

    /** The row's JSON body, or the JSON parts of its multipart body, placeholders still in. */
    private List<String> bodyTexts(Row row) {
        List<String> texts = new ArrayList<>();
        if (row.multipart()) {
            for (String line : lines(matrix.directory().resolve("bodies").resolve(row.body()))) {
                String part = line.substring(line.indexOf('=') + 1);
                if (part.endsWith(".json")) {
                    texts.add(matrix.body(part));
                }
            }
        } else if (row.body() != null) {
            texts.add(matrix.body(row));
        }
        return texts;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String requireFilled(Row row, String text) {
        Set<String> left = placeholders(text);
        if (!left.isEmpty()) {
            throw new IllegalStateException("placeholders " + left + " of " + row.method() + " " + row.path()
                    + " left unfilled by MatrixFixtures");
        }
        return text;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

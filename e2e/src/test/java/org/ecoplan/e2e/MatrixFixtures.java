package org.ecoplan.e2e;

import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.ecoplan.common.testing.AuthorizationMatrix.Row;
import org.ecoplan.common.time.BureauDay;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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

import org.ecoplan.e2e.Gateway.Body;

/**
 * The fixtures behind the matrix's placeholders, as its header describes them, made through the gateway's public
 * API by the identity the header names: what a service's own matrix test writes into its database, the platform
 * gets from its API here.
 */
final class MatrixFixtures {

    /** The placeholders each service's rows may use; a row using another one is reported, not guessed at. */
    static final Map<String, Set<String>> KNOWN = Map.of(
            "project-service", Set.of("project", "reportedProject", "milestonedProject", "attachment", "newCode",
                    "period"),
            "indicator-service", Set.of("indicator", "observation", "newCode"),
            "risk-service", Set.of("plan", "receptor", "newReceptor", "creditCode", "yesterday"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String PERIOD = "2024-Q1";
    private static final String PROJECTS = "/api/v1/projects";

    private final AuthorizationMatrix matrix;
    private final Gateway gateway;
    private String plan;

    /**
     * A row's request ready to send: its path, what If-Match to send, and how the placeholders of its body are
     * filled.
     */
    record Call(String path, String ifMatch, UnaryOperator<String> placeholders) {
    }

    MatrixFixtures(AuthorizationMatrix matrix, Gateway gateway) {
        this.matrix = matrix;
        this.gateway = gateway;
    }

    /** The placeholders of the row's path and body that this suite does not know how to fill. */
    Set<String> unknownPlaceholders(Row row) {
        Set<String> used = new TreeSet<>(placeholders(row.path()));
        for (String text : bodyTexts(row)) {
            used.addAll(placeholders(text));
        }
        used.removeAll(KNOWN.getOrDefault(row.service(), Set.of()));
        return used;
    }

    /** Makes the fixtures one request of the row needs, fresh where the header says so. */
    Call prepare(Row row) {
        Call call = switch (row.service()) {
            case "project-service" -> project(row);
            case "indicator-service" -> indicator(row);
            case "risk-service" -> risk(row);
            default -> throw new IllegalStateException("AuthorizationMatrixIT has no fixtures for " + row.service());
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
        String version = gateway.expect(201, Identity.ECO_ADMIN, HttpMethod.POST, PROJECTS, null,
                Body.json(matrix.body("project-new.json").replace("{newCode}", code))).eTag();
        String attachment = "";
        if (path.contains("{reportedProject}")) {
            Gateway.Answer report = gateway.expect(201, Identity.ECO_ADMIN, HttpMethod.POST,
                    PROJECTS + "/" + code + "/reports", null, Body.multipart(matrix.parts(
                            "project-report-with-file.parts", text -> projectPlaceholders(text, code, ""))));
            version = report.eTag();
            attachment = report.json().get("attachments").get(0).get("id").asText();
        }
        if (path.contains("{milestonedProject}")) {
            version = gateway.expect(201, Identity.ECO_ADMIN, HttpMethod.PUT,
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
        String path = row.path();
        String version = null;
        if (path.contains("{indicator}")) {
            String code = newCode();
            version = gateway.expect(201, Identity.ECO_ADMIN, HttpMethod.POST, "/api/v1/indicators", null,
                    Body.json(matrix.body("indicator-new.json").replace("{newCode}", code))).eTag();
            if (path.contains("{observation}")) {
                Gateway.Answer observation = gateway.expect(201, Identity.BUREAU_EDITOR_OWN, HttpMethod.POST,
                        "/api/v1/indicators/" + code + "/observations", null,
                        Body.json(matrix.body("observation.json")));
                version = observation.eTag();
                path = path.replace("{observation}", observation.json().get("id").asText());
            }
            path = path.replace("{indicator}", code);
        }
        return new Call(path, version, text -> text.replace("{newCode}", newCode()));
    }

    private Call risk(Row row) {
        String path = row.path();
        if (path.contains("{plan}")) {
            path = path.replace("{plan}", plan());
        }
        if (path.contains("{receptor}")) {
            String code = newCode();
            gateway.expect(201, Identity.ECO_ADMIN, HttpMethod.POST, "/api/v1/receptors", null,
                    Body.json(matrix.body("risk-receptor.json").replace("{newReceptor}", code)));
            path = path.replace("{receptor}", code);
        }
        boolean changes = row.writes() && !row.method().equals(HttpMethod.POST);
        String ifMatch = changes ? gateway.get(Identity.ECO_ADMIN, path).eTag() : null;
        String called = path;
        // A receptor's change keeps its code: the body names the receptor of the path.
        String receptor = called.startsWith("/api/v1/receptors/") ? called.substring(called.lastIndexOf('/') + 1)
                : null;
        return new Call(called, ifMatch, text -> text
                .replace("{newReceptor}", receptor == null ? newCode() : receptor)
                .replace("{creditCode}", creditCode())
                .replace("{yesterday}", yesterday()));
    }

    /** The draft filing of the matrix's own enterprise, with its plan document: made once, by the enterprise. */
    private synchronized String plan() {
        if (plan == null) {
            Gateway.Answer draft = gateway.expect(201, Identity.ENTERPRISE_OWN, HttpMethod.POST,
                    "/api/v1/emergency-plans", null,
                    Body.json(matrix.body("risk-filing.json").replace("{yesterday}", yesterday())));
            String id = draft.json().get("id").asText();
            MultipartBodyBuilder document = new MultipartBodyBuilder();
            document.part("file", new ByteArrayResource(bytes(matrix.directory().resolve("bodies/scan.pdf"))) {
                @Override
                public String getFilename() {
                    return "plan.pdf";
                }
            }).contentType(MediaType.APPLICATION_OCTET_STREAM);
            gateway.expect(200, Identity.ENTERPRISE_OWN, HttpMethod.PUT,
                    "/api/v1/emergency-plans/" + id + "/documents/plan", draft.eTag(),
                    Body.multipart(document.build()));
            plan = id;
        }
        return plan;
    }

    /** The day before today in the bureau's calendar: the platform runs on the real clock. */
    private static String yesterday() {
        return LocalDate.now(BureauDay.ZONE).minusDays(1).toString();
    }

    private static String newCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** A fresh unified social credit code of 岳阳楼区, its GB 32100-2015 check character computed. */
    static String creditCode() {
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
                    + " left unfilled by AuthorizationMatrixIT's fixtures");
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

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

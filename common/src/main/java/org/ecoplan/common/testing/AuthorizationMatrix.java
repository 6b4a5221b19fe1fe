package org.ecoplan.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.PlatformRoles;
import org.junit.jupiter.api.DynamicTest;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * The platform's authorization matrix ({@code authorization/matrix.csv} at the repository's root): every endpoint
 * times every identity, with the status the answer must have. Each service's tests read their rows and call the
 * service directly, so that a request bypassing the gateway gets the same answers.
 *
 * @param directory the {@code authorization} directory, which holds the matrix and the request bodies
 * @param rows the rows of one service, in file order
 */
public record AuthorizationMatrix(Path directory, List<Row> rows) {

    /** The department whose editor is {@link Identity#BUREAU_EDITOR_OWN}; fixtures are led by it. */
    public static final String OWN_DEPARTMENT = "env";

    public static final String OTHER_DEPARTMENT = "water";

    /** The enterprise of {@link Identity#ENTERPRISE_OWN}; fixtures belong to it. */
    public static final String OWN_ENTERPRISE = "E-430602-0001";

    public static final String OTHER_ENTERPRISE = "E-430602-0002";

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    /** The callers of the matrix, one column each, named as in the file's header. */
    public enum Identity {

        ECO_ADMIN("eco-admin"), BUREAU_EDITOR_OWN("bureau-editor-own"), BUREAU_EDITOR_OTHER("bureau-editor-other"),
        BUREAU_VIEWER("bureau-viewer"), PLAN_REVIEWER("plan-reviewer"), ENTERPRISE_OWN("enterprise-own"),
        ENTERPRISE_OTHER("enterprise-other"), INTEGRATOR_READ("integrator-read"),
        INTEGRATOR_WRITE("integrator-write"), ANONYMOUS("anonymous");

        private final String column;

        Identity(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }

        /** Sets this identity's bearer token, or nothing for {@link #ANONYMOUS}. */
        public Consumer<HttpHeaders> credentials() {
            return switch (this) {
                case ECO_ADMIN -> TestJwts.token("matrix-admin", PlatformRoles.ECO_ADMIN).bearer();
                case BUREAU_EDITOR_OWN -> TestJwts.token("matrix-editor-own", PlatformRoles.BUREAU_EDITOR)
                    .department(OWN_DEPARTMENT).bearer();
                case BUREAU_EDITOR_OTHER -> TestJwts.token("matrix-editor-other", PlatformRoles.BUREAU_EDITOR)
                    .department(OTHER_DEPARTMENT).bearer();
                case BUREAU_VIEWER -> TestJwts.token("matrix-viewer", PlatformRoles.BUREAU_VIEWER).bearer();
                case PLAN_REVIEWER -> TestJwts.token("matrix-reviewer", PlatformRoles.PLAN_REVIEWER).bearer();
                case ENTERPRISE_OWN -> TestJwts.token("matrix-enterprise-own", PlatformRoles.ENTERPRISE)
                    .enterpriseId(OWN_ENTERPRISE).bearer();
                case ENTERPRISE_OTHER -> TestJwts.token("matrix-enterprise-other", PlatformRoles.ENTERPRISE)
                    .enterpriseId(OTHER_ENTERPRISE).bearer();
                case INTEGRATOR_READ -> TestJwts.token("matrix-integrator-read", PlatformRoles.INTEGRATOR_READ)
                    .bearer();
                case INTEGRATOR_WRITE -> TestJwts.token("matrix-integrator-write", PlatformRoles.INTEGRATOR_WRITE)
                    .bearer();
                case ANONYMOUS -> headers -> { };
            };
        }

        static Identity ofColumn(String column) {
            for (Identity identity : values()) {
                if (identity.column.equals(column)) {
                    return identity;
                }
            }
            throw new IllegalArgumentException("Unknown identity column " + column);
        }
    }

    /**
     * One endpoint.
     *
     * @param body the name of a file under {@code bodies/}: sent as JSON, or as CSV ({@code .csv}), or, ending in
     *     {@code .parts}, a multipart request of {@code part=file} lines (JSON files as JSON parts, others as
     *     uploaded files); or null
     */
    public record Row(String service, HttpMethod method, String path, String body, Map<Identity, Integer> expected) {

        public boolean writes() {
            return !(method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD));
        }

        public boolean multipart() {
            return body != null && body.endsWith(".parts");
        }

        /** The path without its query, each placeholder standing for one path segment. */
        String calledPath() {
            return path.replaceAll("\\?.*", "").replaceAll("\\{[^}]*}", "placeholder");
        }
    }

    /** One request of the matrix: a row called by one identity. */
    public record Case(Row row, Identity identity, int expectedStatus) {

        @Override
        public String toString() {
            return row.method() + " " + row.path() + " as " + identity.column() + " answers " + expectedStatus;
        }
    }

    /** The rows of one service from {@code directory/matrix.csv}. */
    public static AuthorizationMatrix read(Path directory, String service) {
        return read(directory, service::equals);
    }

    /** Every row of {@code directory/matrix.csv}, of every service: the suite that goes through the gateway. */
    public static AuthorizationMatrix readAll(Path directory) {
        return read(directory, service -> true);
    }

    private static AuthorizationMatrix read(Path directory, Predicate<String> services) {
        List<String> lines = lines(directory.resolve("matrix.csv"));
        List<String> table = lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> header = List.of(table.get(0).split(","));
        List<Identity> identities = header.subList(4, header.size()).stream().map(Identity::ofColumn).toList();
        if (identities.size() != Identity.values().length) {
            throw new IllegalStateException("The matrix must have a column for every identity: " + header);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : table.subList(1, table.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new IllegalStateException("Matrix row with " + cells.length + " cells, expected "
                        + header.size() + ": " + line);
            }
            if (!services.test(cells[0])) {
                continue;
            }
            Map<Identity, Integer> expected = new EnumMap<>(Identity.class);
            for (int i = 0; i < identities.size(); i++) {
                expected.put(identities.get(i), Integer.valueOf(cells[4 + i].trim()));
            }
            rows.add(new Row(cells[0], HttpMethod.valueOf(cells[1]), cells[2], cells[3].equals("-") ? null : cells[3],
                    expected));
        }
        return new AuthorizationMatrix(directory, List.copyOf(rows));
    }

    /** One named test per case, for a {@code @TestFactory}; {@code call} sends the request and checks its status. */
    public Stream<DynamicTest> tests(Consumer<Case> call) {
        return cases().stream().map(matrixCase -> DynamicTest.dynamicTest(matrixCase.toString(),
                () -> call.accept(matrixCase)));
    }

    /** Every row for every identity. */
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Row row : rows) {
            row.expected().forEach((identity, status) -> cases.add(new Case(row, identity, status)));
        }
        return cases;
    }

    /** The row's request body as the file has it, placeholders still in; null for none. */
    public String body(Row row) {
        return row.body() == null ? null : body(row.body());
    }

    /** A request body of {@code bodies/}, placeholders still in, also for a fixture a test makes first. */
    public String body(String file) {
        return String.join("\n", lines(directory.resolve("bodies").resolve(file)));
    }

    /**
     * Sends the case's request to {@code path} (placeholders filled by the caller) as its identity: a write with a
     * fresh Idempotency-Key and, unless {@code ifMatch} is null, that If-Match; the row's body with
     * {@code placeholders} filled.
     */
    public WebTestClient.ResponseSpec send(WebTestClient client, Case matrixCase, String path, String ifMatch,
            UnaryOperator<String> placeholders) {
        return send(client, matrixCase, matrixCase.identity().credentials(), path, ifMatch, placeholders);
    }

    /**
     * As {@link #send(WebTestClient, Case, String, String, UnaryOperator)}, with {@code credentials} of the case's
     * identity from elsewhere: the real tokens of Keycloak when the request goes through the gateway.
     */
    public WebTestClient.ResponseSpec send(WebTestClient client, Case matrixCase, Consumer<HttpHeaders> credentials,
            String path, String ifMatch, UnaryOperator<String> placeholders) {
        Row row = matrixCase.row();
        WebTestClient.RequestBodySpec request = client.method(row.method())
            .uri(path)
            .headers(credentials);
        if (row.writes()) {
            request.header(IdempotencyKeys.HEADER, UUID.randomUUID().toString());
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
        }
        if (row.multipart()) {
            request.body(BodyInserters.fromMultipartData(parts(row.body(), placeholders)));
        }
        else if (row.body() != null) {
            request.contentType(mediaType(row.body())).bodyValue(placeholders.apply(body(row)));
        }
        return request.exchange();
    }

    /** How a body file is sent, by its name: CSV for {@code .csv}, else JSON. */
    public static MediaType mediaType(String file) {
        return file.endsWith(".csv") ? CSV : MediaType.APPLICATION_JSON;
    }

    /** A multipart body ({@code .parts}) with {@code placeholders} filled in its JSON parts. */
    public MultiValueMap<String, HttpEntity<?>> parts(String file, UnaryOperator<String> placeholders) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        for (String line : lines(directory.resolve("bodies").resolve(file))) {
            String[] part = line.split("=", 2);
            if (part[1].endsWith(".json")) {
                parts.part(part[0], placeholders.apply(body(part[1])), MediaType.APPLICATION_JSON);
            }
            else {
                parts.part(part[0], bytes(directory.resolve("bodies").resolve(part[1]))).filename(part[1]);
            }
        }
        return parts.build();
    }

    /**
     * The service's {@code /api/**} mappings that no row calls, as {@code METHOD /pattern}: a new endpoint must get its
     * row in the same change. A row calls a mapping when its method is the mapping's and its path, placeholders
     * filled, fits the pattern.
     */
    public Set<String> unlisted(RequestMappingHandlerMapping mappings) {
        Set<String> unlisted = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns()
            .forEach(pattern -> {
                String path = pattern.getPatternString();
                if (!path.startsWith("/api/")) {
                    return;
                }
                Pattern fitting = Pattern.compile(Arrays.stream(path.split("\\{[^}]*}", -1))
                    .map(Pattern::quote).collect(Collectors.joining("[^/]+")));
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (rows.stream().noneMatch(row -> row.method().name().equals(method.name())
                            && fitting.matcher(row.calledPath()).matches())) {
                        unlisted.add(method.name() + " " + path);
                    }
                }
            }));
        return unlisted;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

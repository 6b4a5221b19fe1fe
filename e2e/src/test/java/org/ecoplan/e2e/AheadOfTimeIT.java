package org.ecoplan.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jars as the images run them: with the bean definitions of the build's AOT processing
 * ({@code -Dspring.aot.enabled=true}) and the actuator on a port of its own, which the launcher starts every app
 * with. A jar without its AOT classes does not start at all in that mode, and the shared platform's start-up then
 * fails with Spring's reason in the log tail it reports.
 */
@ExtendWith(TestPlatform.Resolver.class)
class AheadOfTimeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestPlatform platform;

    @BeforeAll
    static void usePlatform(TestPlatform started) {
        platform = started;
    }

    @ParameterizedTest
    @ValueSource(strings = {"indicator-service", "project-service", "risk-service", "gateway"})
    void appRunsTheBuildsAotClassesWithItsActuatorOnTheManagementPort(String app) throws Exception {
        // The log is appended to across runs and restarts: the latest start is the one running.
        String latestStart = Files.readAllLines(platform.settings().logDir().resolve(app + ".log")).stream()
                .filter(line -> line.contains(" Starting ") && line.contains("Application"))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(latestStart).contains("Starting AOT-processed");

        int managementPort = platform.platform().managementPort(app);
        HttpResponse<String> readiness = get(URI.create(
                "http://localhost:" + managementPort + "/actuator/health/readiness"));
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"indicator-service", "project-service", "risk-service", "gateway"})
    void appBundlesNoSignedJar(String app) throws IOException {
        // The JVM verifies a signed jar when its first class loads, and the AOT cache the images are started with
        // leaves a signed jar's classes out; Bouncy Castle, which Spring Cloud's starter brings, cost the gateway
        // 0.2 s of every start.
        List<String> signed = new ArrayList<>();
        try (JarFile executable = new JarFile(platform.platform().executableJar(app).toFile())) {
            for (JarEntry library : Collections.list(executable.entries())) {
                if (library.getName().startsWith("BOOT-INF/lib/") && library.getName().endsWith(".jar")
                        && isSigned(executable.getInputStream(library))) {
                    signed.add(library.getName());
                }
            }
        }
        assertThat(signed).as(app).isEmpty();
    }

    private static boolean isSigned(InputStream jar) throws IOException {
        try (JarInputStream entries = new JarInputStream(jar)) {
            for (JarEntry entry = entries.getNextJarEntry(); entry != null; entry = entries.getNextJarEntry()) {
                if (entry.getName().startsWith("META-INF/") && entry.getName().endsWith(".SF")) {
                    return true;
                }
            }
            return false;
        }
    }

    @ParameterizedTest
    @CsvSource({
            "indicator-service, /api/v1/indicators?size=1,      integrator, \"total\":",
            "project-service,   /api/v1/projects?size=1,        env-editor, \"total\":",
            "risk-service,      /api/v1/emergency-plans/public, ,           \"total\":",
            "gateway,           /api/v1/me,                     env-editor, \"username\":\"env-editor\""})
    void appAnswersARealCallThroughTheGateway(String app, String path, String identity, String expected)
            throws Exception {
        Keycloak keycloak = platform.keycloak();
        String token = identity == null ? null
                : identity.equals("integrator") ? keycloak.integratorToken() : keycloak.userToken(identity);

        HttpResponse<String> response = platform.get(path, token);

        assertThat(response.statusCode()).as(app).isEqualTo(200);
        assertThat(response.body()).as(app).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"indicator-service", "project-service", "risk-service", "gateway"})
    void springdocDescribesTheApi(String app) throws Exception {
        HttpResponse<String> apiDocs = platform.get("/v3/api-docs/" + app, null);

        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("\"openapi\"").contains("\"/api/v1/");
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TestPlatform.REQUEST_TIMEOUT).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

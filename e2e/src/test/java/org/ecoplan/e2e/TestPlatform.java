package org.ecoplan.e2e;

import org.ecoplan.common.testing.ApiClient;
import org.ecoplan.platform.Platform;
import org.ecoplan.platform.PlatformSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform, started by the same launcher as {@code ./platform up} (on ports offset by 10000, or by
 * {@code -Decoplan.e2e.portOffset} so that two checkouts can test side by side, and in its own state folder), with the real Keycloak issuing real tokens. Starting it takes about a minute, so every
 * e2e test class of a run shares one: the first class that asks for it starts it, and JUnit closes it after the
 * last class. Test classes take it as a parameter ({@code @ExtendWith(TestPlatform.Resolver.class)}).
 */
final class TestPlatform implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Platform platform;
    private final Keycloak keycloak;
    private final Path root;

    private TestPlatform(Platform platform, Keycloak keycloak, Path root) {
        this.platform = platform;
        this.keycloak = keycloak;
        this.root = root;
    }

    private static TestPlatform start() {
        Path root = Path.of(System.getProperty("ecoplan.root", "..")).toAbsolutePath().normalize();
        String databasePrefix = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        PlatformSettings settings = PlatformSettings.forTests(root, root.resolve("e2e/target/platform"),
                Integer.getInteger("ecoplan.e2e.portOffset", 10000), databasePrefix);
        Platform platform = new Platform(settings);
        platform.down(System.out);
        assertThat(platform.up(System.out)).as("platform up").isTrue();
        return new TestPlatform(platform, new Keycloak(settings.keycloakUrl()), root);
    }

    Platform platform() {
        return platform;
    }

    PlatformSettings settings() {
        return platform.settings();
    }

    Keycloak keycloak() {
        return keycloak;
    }

    String gatewayUrl() {
        return platform.settings().gatewayUrl();
    }

    /** The gateway as API clients call it, with the real tokens of the authorization matrix's identities. */
    ApiClient api() {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl(gatewayUrl())
                // Two cores run five JVMs and Keycloak: an answer may take a while without being wrong.
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        return new ApiClient(client, new RealTokens(keycloak)::credentials);
    }

    /** The repository checkout the platform runs from. */
    Path root() {
        return root;
    }

    Path screenshots() {
        return root.resolve("e2e/target/screenshots");
    }

    /** A GET through the gateway as an integrator's system sends it: a bearer token, or none. */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        List<Long> pids = platform.status().stream().flatMap(s -> s.pid().stream()).toList();
        platform.down(System.out);
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("process %d after down", pid).isEmpty());
        assertThat(platform.isRunning()).isFalse();
    }

    /** Hands every test class of the run the same started platform. */
    static final class Resolver implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(TestPlatform.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestPlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(TestPlatform.class, key -> start(), TestPlatform.class);
        }
    }
}

package org.ecoplan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import com.jayway.jsonpath.JsonPath;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Lints the ecoplan chart and checks what it renders, with the Helm library helm-java bundles. */
class HelmChartTest {

  private static final Path CHART = Path.of("charts", "ecoplan");
  private static final String RELEASE = "ecoplan";
  private static final String NAMESPACE = "ecoplan";
  private static final String CONTAINER = "$.spec.template.spec.containers[0]";
  private static final Pattern VALUES_KEY = Pattern.compile("\\s*([^#\\s-][^:\\s]*):.*");

  private static List<Map<String, Object>> defaults;

  @TempDir
  Path valuesDir;

  @BeforeAll
  static void renderDefaultValues() {
    defaults = render(RELEASE);
  }

  @Test
  void chartPassesStrictLint() {
    LintResult result = new Helm(CHART).lint().strict().call();

    assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
  }

  @Test
  void everyValuesKeyIsCamelCaseAndCommented() throws IOException {
    List<String> lines = Files.readAllLines(CHART.resolve("values.yaml"));
    List<String> offending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher key = VALUES_KEY.matcher(lines.get(i));
      if (key.matches() && !(key.group(1).matches("[a-z][a-zA-Z0-9]*") && lines.get(i - 1).trim().startsWith("#"))) {
        offending.add((i + 1) + ": " + lines.get(i));
      }
    }

    assertThat(offending).isEmpty();
  }

  @Test
  void defaultValuesRenderOneDeploymentServiceAndServiceAccountPerComponent() {
    List<String> components = List.of("gateway", "indicator-service", "project-service", "risk-service");
    for (String kind : List.of("Deployment", "Service", "ServiceAccount")) {
      assertThat(defaults.stream().filter(d -> kind.equals(d.get("kind"))).map(d -> read(d, "$.metadata.name")))
          .as(kind)
          .containsExactlyInAnyOrderElementsOf(components.stream().map(c -> "ecoplan-" + c).toList());
    }
    assertThat(defaults).noneMatch(d -> "Secret".equals(d.get("kind")));
  }

  @ParameterizedTest
  @CsvSource({"gateway, 8080", "indicator-service, 8081", "project-service, 8082", "risk-service, 8083"})
  void componentListensOnItsPlatformPortBehindItsService(String component, int port) {
    Map<String, Object> deployment = find(defaults, "Deployment", "ecoplan-" + component);
    Map<String, Object> service = find(defaults, "Service", "ecoplan-" + component);

    assertThat(at(deployment, CONTAINER + ".ports[0].containerPort")).isEqualTo(port);
    assertThat(env(deployment, "SERVER_PORT")).isEqualTo(String.valueOf(port));
    assertThat(at(service, "$.spec.ports[0].port")).isEqualTo(port);
    assertThat(at(service, "$.spec.ports[0].targetPort")).isEqualTo("http");
    assertThat(at(service, "$.spec.type")).isEqualTo("ClusterIP");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "indicator-service", "project-service", "risk-service"})
  void resourcesCarryStandardLabelsAndServiceSelectsOnlyItsComponentPods(String component) {
    Map<String, String> expected = Map.of(
        "app.kubernetes.io/name", "ecoplan",
        "app.kubernetes.io/instance", RELEASE,
        "app.kubernetes.io/component", component,
        "app.kubernetes.io/part-of", "ecoplan",
        "app.kubernetes.io/version", "0.1.0",
        "app.kubernetes.io/managed-by", "Helm",
        "helm.sh/chart", "ecoplan-0.1.0");
    Map<String, Object> deployment = find(defaults, "Deployment", "ecoplan-" + component);
    Map<String, Object> service = find(defaults, "Service", "ecoplan-" + component);
    Map<String, Object> account = find(defaults, "ServiceAccount", "ecoplan-" + component);
    Map<String, String> podLabels = read(deployment, "$.spec.template.metadata.labels");
    Map<String, String> selector = read(service, "$.spec.selector");

    for (Map<String, Object> resource : List.of(deployment, service, account)) {
      assertThat(at(resource, "$.metadata.labels")).isEqualTo(expected);
      assertThat(at(resource, "$.metadata.namespace")).isEqualTo(NAMESPACE);
    }
    assertThat(podLabels).isEqualTo(expected);
    assertThat(selector)
        .isEqualTo(read(deployment, "$.spec.selector.matchLabels"))
        .containsEntry("app.kubernetes.io/component", component)
        .doesNotContainKeys("app.kubernetes.io/version", "helm.sh/chart");
    assertThat(podLabels).containsAllEntriesOf(selector);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "indicator-service", "project-service", "risk-service"})
  void probesUseBootsLivenessAndReadinessGroups(String component) {
    Map<String, Object> deployment = find(defaults, "Deployment", "ecoplan-" + component);

    assertThat(at(deployment, CONTAINER + ".startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
    assertThat(at(deployment, CONTAINER + ".livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
    assertThat(at(deployment, CONTAINER + ".readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(at(deployment, CONTAINER + "." + probe + ".httpGet.port")).isEqualTo("http");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "indicator-service", "project-service", "risk-service"})
  void podRunsAsNonRootOnReadOnlyRootWithWritableTmpAndNoToken(String component) {
    Map<String, Object> deployment = find(defaults, "Deployment", "ecoplan-" + component);
    Map<String, Object> account = find(defaults, "ServiceAccount", "ecoplan-" + component);

    assertThat(at(deployment, "$.spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
    assertThat(at(deployment, "$.spec.template.spec.securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
    Map<String, Object> container = read(deployment, CONTAINER + ".securityContext");
    assertThat(container)
        .containsEntry("runAsNonRoot", true)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("capabilities", Map.of("drop", List.of("ALL")))
        .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    assertThat(at(deployment, CONTAINER + ".volumeMounts[?(@.mountPath == '/tmp')].name")).isEqualTo(List.of("tmp"));
    assertThat(at(deployment, "$.spec.template.spec.volumes[?(@.name == 'tmp')].emptyDir")).isEqualTo(List.of(Map.of()));
    assertThat(at(deployment, "$.spec.template.spec.serviceAccountName")).isEqualTo("ecoplan-" + component);
    assertThat(at(deployment, "$.spec.template.spec.automountServiceAccountToken")).isEqualTo(false);
    assertThat(at(account, "$.automountServiceAccountToken")).isEqualTo(false);
    assertThat(at(deployment, "$.spec.template.spec.enableServiceLinks")).isEqualTo(false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "indicator-service", "project-service", "risk-service"})
  void imageIsPinnedToChartAppVersionAndResourcesAreBounded(String component) {
    Map<String, Object> deployment = find(defaults, "Deployment", "ecoplan-" + component);

    assertThat(at(deployment, CONTAINER + ".image")).isEqualTo("ecoplan/" + component + ":0.1.0");
    assertThat(at(deployment, CONTAINER + ".imagePullPolicy")).isEqualTo("IfNotPresent");
    Map<String, Object> requests = read(deployment, CONTAINER + ".resources.requests");
    Map<String, Object> limits = read(deployment, CONTAINER + ".resources.limits");
    assertThat(requests).containsOnlyKeys("cpu", "memory");
    assertThat(limits).containsOnlyKeys("cpu", "memory");
  }

  @Test
  void noRenderedImageUsesTheLatestTag() {
    List<String> images = defaults.stream()
        .filter(d -> "Deployment".equals(d.get("kind")))
        .flatMap(d -> HelmChartTest.<List<String>>read(d, "$.spec.template.spec.containers[*].image").stream())
        .toList();

    assertThat(images).hasSize(4).allSatisfy(image -> assertThat(image).doesNotEndWith(":latest").contains(":"));
  }

  @Test
  void gatewayRoutesToTheInClusterServicesAndReadsItsClientSecretFromTheNamedSecret() {
    Map<String, Object> gateway = find(defaults, "Deployment", "ecoplan-gateway");

    assertThat(env(gateway, "ECOPLAN_ROUTES_INDICATOR")).isEqualTo("http://ecoplan-indicator-service:8081");
    assertThat(env(gateway, "ECOPLAN_ROUTES_PROJECT")).isEqualTo("http://ecoplan-project-service:8082");
    assertThat(env(gateway, "ECOPLAN_ROUTES_RISK")).isEqualTo("http://ecoplan-risk-service:8083");
    assertThat(env(gateway, "ECOPLAN_KEYCLOAK_URL")).isEqualTo("http://keycloak:8080");
    assertThat(secretRef(gateway, "ECOPLAN_GATEWAY_CLIENT_SECRET"))
        .isEqualTo(Map.of("name", "ecoplan-gateway-oauth2", "key", "client-secret"));
    assertThat(envNames(gateway)).doesNotContain("SPRING_MONGODB_URI");
  }

  @ParameterizedTest
  @CsvSource({
      "indicator-service, ecoplan-indicator",
      "project-service,   ecoplan-project",
      "risk-service,      ecoplan-risk"})
  void serviceReadsMongoUriFromTheExistingSecretAndUsesItsOwnDatabase(String component, String database) {
    Map<String, Object> deployment = find(defaults, "Deployment", "ecoplan-" + component);

    assertThat(secretRef(deployment, "SPRING_MONGODB_URI")).isEqualTo(Map.of("name", "ecoplan-mongodb", "key", "mongodb-uri"));
    assertThat(env(deployment, "SPRING_MONGODB_DATABASE")).isEqualTo(database);
    assertThat(env(deployment, "ECOPLAN_KEYCLOAK_URL")).isEqualTo("http://keycloak:8080");
    assertThat(at(deployment, "$.spec.template.metadata")).asInstanceOf(MAP)
        .doesNotContainKey("annotations");
  }

  @Test
  void mongodbUriGoesIntoTheChartsOwnSecretAndItsChecksumRollsTheServices() throws IOException {
    List<Map<String, Object>> rendered = render(RELEASE, values("""
        mongodb:
          uri: mongodb://mongo-0.mongo:27017/?replicaSet=rs0
        """));
    List<Map<String, Object>> changed = render(RELEASE, values("""
        mongodb:
          uri: mongodb://mongo-1.mongo:27017/?replicaSet=rs0
        """));

    Map<String, Object> secret = find(rendered, "Secret", "ecoplan-mongodb-uri");
    assertThat(at(secret, "$.stringData")).isEqualTo(Map.of("mongodb-uri", "mongodb://mongo-0.mongo:27017/?replicaSet=rs0"));
    for (String component : List.of("indicator-service", "project-service", "risk-service")) {
      Map<String, Object> deployment = find(rendered, "Deployment", "ecoplan-" + component);
      assertThat(secretRef(deployment, "SPRING_MONGODB_URI")).isEqualTo(Map.of("name", "ecoplan-mongodb-uri", "key", "mongodb-uri"));
      assertThat(checksum(deployment)).isNotBlank().isNotEqualTo(checksum(find(changed, "Deployment", "ecoplan-" + component)));
    }
    assertThat(at(find(rendered, "Deployment", "ecoplan-gateway"), "$.spec.template.metadata"))
        .asInstanceOf(MAP)
        .doesNotContainKey("annotations");
  }

  @Test
  void anotherReleaseNamePrefixesEveryNameAndTheGatewayRoutesFollow() {
    List<Map<String, Object>> rendered = render("demo");

    assertThat(rendered.stream().map(d -> (String) read(d, "$.metadata.name")))
        .hasSize(12)
        .allMatch(name -> name.startsWith("demo-ecoplan-"));
    Map<String, Object> gateway = find(rendered, "Deployment", "demo-ecoplan-gateway");
    assertThat(env(gateway, "ECOPLAN_ROUTES_RISK")).isEqualTo("http://demo-ecoplan-risk-service:8083");
  }

  @Test
  void unknownTopLevelKeyIsRejectedByName() throws IOException {
    Path file = values("""
        mongoDB:
          uri: mongodb://mongo:27017
        """);

    assertThatThrownBy(() -> render(RELEASE, file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mongoDB")
        .hasMessageContaining("not allowed");
  }

  @Test
  void replicaCountGivenAsStringIsRejected() throws IOException {
    Path file = values("""
        riskService:
          replicaCount: "2"
        """);

    assertThatThrownBy(() -> render(RELEASE, file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/riskService/replicaCount")
        .hasMessageContaining("want integer");
  }

  @Test
  void keycloakUrlIsRequiredWithoutTrailingSlash() throws IOException {
    Path missing = values("""
        keycloak:
          url: ""
        """);
    Path trailingSlash = values("""
        keycloak:
          url: https://sso.example.org/
        """);

    assertThatThrownBy(() -> render(RELEASE, missing)).hasMessageContaining("/keycloak/url");
    assertThatThrownBy(() -> render(RELEASE, trailingSlash)).hasMessageContaining("/keycloak/url");
  }

  @Test
  void mongodbNeedsAnExistingSecretOrAUri() throws IOException {
    Path neither = values("""
        mongodb:
          uri: ""
          existingSecret: ""
        """);

    assertThatThrownBy(() -> render(RELEASE, neither)).hasMessageContaining("/mongodb");
  }

  @Test
  void latestImageTagIsRejected() throws IOException {
    Path file = values("""
        projectService:
          image:
            tag: latest
        """);

    assertThatThrownBy(() -> render(RELEASE, file)).hasMessageContaining("/projectService/image/tag");
  }

  private Path values(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(valuesDir, "values-", ".yaml"), yaml);
  }

  private static List<Map<String, Object>> render(String release, Path... valuesFiles) {
    TemplateCommand template = new Helm(CHART).template().withName(release).withNamespace(NAMESPACE);
    for (Path file : valuesFiles) {
      template = template.withValuesFile(file);
    }
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(template.call())) {
      if (document != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resource = (Map<String, Object>) document;
        documents.add(resource);
      }
    }
    return documents;
  }

  private static Map<String, Object> find(List<Map<String, Object>> documents, String kind, String name) {
    return documents.stream()
        .filter(d -> kind.equals(d.get("kind")) && name.equals(read(d, "$.metadata.name")))
        .reduce((a, b) -> {
          throw new AssertionError("two " + kind + "s named " + name);
        })
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }

  private static <T> T read(Object document, String path) {
    return JsonPath.read(document, path);
  }

  private static Object at(Object document, String path) {
    return read(document, path);
  }

  private static Stream<Map<String, Object>> envEntries(Map<String, Object> deployment) {
    List<Map<String, Object>> env = read(deployment, CONTAINER + ".env");
    return env.stream();
  }

  private static List<String> envNames(Map<String, Object> deployment) {
    return envEntries(deployment).map(e -> (String) e.get("name")).toList();
  }

  private static Map<String, Object> envEntry(Map<String, Object> deployment, String name) {
    return envEntries(deployment)
        .filter(e -> name.equals(e.get("name")))
        .reduce((a, b) -> {
          throw new AssertionError("env " + name + " set twice");
        })
        .orElseThrow(() -> new AssertionError("env " + name + " not set"));
  }

  private static Object env(Map<String, Object> deployment, String name) {
    return envEntry(deployment, name).get("value");
  }

  private static Object secretRef(Map<String, Object> deployment, String name) {
    Map<String, Object> entry = envEntry(deployment, name);
    assertThat(entry).as("%s must come from a Secret, not a literal", name).doesNotContainKey("value");
    return read(entry, "$.valueFrom.secretKeyRef");
  }

  private static String checksum(Map<String, Object> deployment) {
    return read(deployment, "$.spec.template.metadata.annotations['checksum/mongodb-secret']");
  }
}

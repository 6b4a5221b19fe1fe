package org.ecoplan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ecoplan.helm.Manifests.COMPONENTS;
import static org.ecoplan.helm.Manifests.container;
import static org.ecoplan.helm.Manifests.env;
import static org.ecoplan.helm.Manifests.property;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
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

/** The umbrella chart and its library: lint, values documentation, and what each setting renders. */
class HelmChartTest {

  private static final Pattern VALUES_KEY = Pattern.compile("(\\s*)([^#\\s-][^:\\s]*):.*");
  private static final Pattern LIST_ITEM = Pattern.compile("(\\s*)- .*");
  private static final String PUBLIC_KEYCLOAK = "https://sso.bureau.example.cn";
  private static final String INTERNAL_KEYCLOAK = "http://keycloak-service.keycloak.svc:8080";

  private static Manifests defaults;
  private static Manifests minimal;

  @TempDir
  Path valuesDir;

  @BeforeAll
  static void renderDefaultAndMinimalValues() {
    defaults = Manifests.render();
    minimal = Manifests.render(Charts.MINIMAL_VALUES);
  }

  @Test
  void umbrellaAndLibraryPassStrictLint() {
    Path umbrella = Charts.installable();
    for (Path chart : List.of(umbrella, umbrella.resolveSibling("ecoplan-lib"))) {
      LintResult result = Charts.lint(chart);

      assertThat(result.isFailed()).as("lint of %s failed: %s", chart, result.getMessages()).isFalse();
      assertThat(result.getMessages()).as(chart.toString())
          .noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"minimal-values.yaml", "production-values.yaml"})
  void chartPassesStrictLintWithTheExampleValues(String file) {
    LintResult result = Charts.lintWith(Charts.SOURCES.resolve("ecoplan/ci").resolve(file));

    assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
  }

  @Test
  void theLibraryIsPackagedFromItsSourcesNotFetched() {
    assertThat(Charts.installable().resolve("charts/ecoplan-lib-0.1.0.tgz")).isRegularFile();
  }

  @Test
  void chartAppVersionIsTheReleaseOfTheProjectVersion() throws IOException {
    String projectVersion = System.getProperty("ecoplan.version");
    String chart = Files.readString(Charts.SOURCES.resolve("ecoplan/Chart.yaml"));

    assertThat(projectVersion).as("the build passes the project version").isNotBlank();
    assertThat(chart).contains("appVersion: \"" + projectVersion.replace("-SNAPSHOT", "") + "\"");
  }

  @Test
  void everyValuesKeyIsCamelCaseAndCommented() throws IOException {
    List<String> lines = Files.readAllLines(Charts.SOURCES.resolve("ecoplan/values.yaml"));
    List<String> offending = new ArrayList<>();
    int listItemIndent = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher item = LIST_ITEM.matcher(line);
      Matcher key = VALUES_KEY.matcher(line);
      if (item.matches()) {
        listItemIndent = item.group(1).length();
      } else if (key.matches()) {
        int indent = key.group(1).length();
        // Keys inside a list item (NetworkPolicy peers and the like) are Kubernetes data, not chart keys.
        if (listItemIndent >= 0 && indent > listItemIndent) {
          continue;
        }
        listItemIndent = -1;
        if (!(key.group(2).matches("[a-z][a-zA-Z0-9]*") && lines.get(i - 1).trim().startsWith("#"))) {
          offending.add((i + 1) + ": " + line);
        }
      }
    }

    assertThat(offending).isEmpty();
  }

  @Test
  void defaultsRenderEachComponentsObjectsTheHooksAndNoSecret() {
    List<String> components = COMPONENTS.stream().map(defaults::name).toList();
    for (Class<? extends HasMetadata> kind : List.of(Deployment.class, Service.class, ConfigMap.class,
        PodDisruptionBudget.class)) {
      assertThat(defaults.all(kind)).extracting(o -> o.getMetadata().getName()).as(kind.getSimpleName())
          .containsExactlyInAnyOrderElementsOf(components);
    }
    assertThat(defaults.all(ServiceAccount.class)).extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(concat(components, "ecoplan-realm-provisioning"));
    assertThat(defaults.all(NetworkPolicy.class)).extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(
            concat(components, "ecoplan-default-deny", "ecoplan-realm-provisioning", "ecoplan-test"));
    assertThat(defaults.all(Job.class)).extracting(j -> j.getMetadata().getName())
        .containsExactly("ecoplan-realm-provisioning");
    assertThat(defaults.all(Pod.class)).extracting(p -> p.getMetadata().getName()).containsExactly("ecoplan-test");
    assertThat(defaults.all(Secret.class)).isEmpty();
    assertThat(defaults.all(HorizontalPodAutoscaler.class)).isEmpty();
    assertThat(defaults.all(Ingress.class)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"gateway, 8080", "indicator-service, 8081", "project-service, 8082", "risk-service, 8083"})
  void componentServesItsPlatformPortAndTheActuatorOnAPortOfItsOwn(String component, int port) {
    Container container = container(defaults.deployment(component));
    Service service = defaults.get(Service.class, "ecoplan-" + component);
    Map<String, Object> config = defaults.applicationYaml(component);

    assertThat(container.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
        .containsExactly("http:" + port, "management:9090");
    assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName, ServicePort::getPort,
            p -> p.getTargetPort().getStrVal())
        .containsExactly(tuple("http", port, "http"), tuple("management", 9090, "management"));
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(property(config, "server.port")).isEqualTo(port);
    assertThat(property(config, "management.server.port")).isEqualTo(9090);
    assertThat(env(container, "SPRING_CONFIG_ADDITIONAL_LOCATION").getValue()).isEqualTo("file:/etc/ecoplan/");
    assertThat(container.getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getMountPath()).isEqualTo("/etc/ecoplan/");
      assertThat(m.getReadOnly()).isTrue();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "indicator-service", "project-service", "risk-service"})
  void servicesSelectOnlyTheirComponentsPods(String component) {
    Map<String, String> selector = defaults.get(Service.class, "ecoplan-" + component).getSpec().getSelector();
    Deployment deployment = defaults.deployment(component);

    assertThat(selector)
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/component", component)
        .doesNotContainKeys("app.kubernetes.io/version", "helm.sh/chart");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
  }

  @Test
  void gatewayRoutesToTheInClusterServicesAndTrustsTheIngressForwardedHeaders() {
    Map<String, Object> gateway = defaults.applicationYaml("gateway");

    assertThat(property(gateway, "ecoplan.routes.indicator")).isEqualTo("http://ecoplan-indicator-service:8081");
    assertThat(property(gateway, "ecoplan.routes.project")).isEqualTo("http://ecoplan-project-service:8082");
    assertThat(property(gateway, "ecoplan.routes.risk")).isEqualTo("http://ecoplan-risk-service:8083");
    assertThat(property(gateway, "server.forward-headers-strategy")).isEqualTo("native");
  }

  @Test
  void projectServiceReadsThePlansTotalsFromTheInClusterIndicatorService() {
    assertThat(property(defaults.applicationYaml("project-service"), "ecoplan.indicator-service.url"))
        .isEqualTo("http://ecoplan-indicator-service:8081");
    assertThat(property(Manifests.render("demo").applicationYaml("project-service"), "ecoplan.indicator-service.url"))
        .isEqualTo("http://demo-ecoplan-indicator-service:8081");
  }

  @Test
  void gatewayReadsItsClientSecretFromTheNamedSecret() {
    Container gateway = container(defaults.deployment("gateway"));

    assertThat(secretRef(gateway, "ECOPLAN_GATEWAY_CLIENT_SECRET"))
        .isEqualTo(new SecretKeySelector("client-secret", "ecoplan-gateway-oauth2", null));
  }

  @Test
  void riskServiceOnboardsEnterpriseUsersInClusterWithItsClientSecret() {
    Container risk = container(minimal.deployment("risk-service"));

    assertThat(secretRef(risk, "ECOPLAN_RISK_CLIENT_SECRET"))
        .isEqualTo(new SecretKeySelector("client-secret", "ecoplan-risk-service-client", null));
    assertThat(property(minimal.applicationYaml("risk-service"), "ecoplan.onboarding.keycloak.url"))
        .isEqualTo(INTERNAL_KEYCLOAK);
    assertThat(container(minimal.deployment("project-service")).getEnv())
        .noneMatch(e -> e.getName().equals("ECOPLAN_RISK_CLIENT_SECRET"));
  }

  @ParameterizedTest
  @CsvSource({
      "indicator-service, ecoplan-indicator",
      "project-service,   ecoplan-project",
      "risk-service,      ecoplan-risk",
      "gateway,           ecoplan-gateway"})
  void componentReadsMongoUriFromTheExistingSecretAndUsesItsOwnDatabase(String component, String database) {
    Container container = container(defaults.deployment(component));

    assertThat(secretRef(container, "SPRING_MONGODB_URI"))
        .isEqualTo(new SecretKeySelector("mongodb-uri", "ecoplan-mongodb", null));
    assertThat(property(defaults.applicationYaml(component), "spring.mongodb.database")).isEqualTo(database);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "indicator-service", "project-service", "risk-service"})
  void tokensAreCheckedAgainstThePublicIssuerWithKeysFetchedInCluster(String component) {
    Map<String, Object> config = minimal.applicationYaml(component);

    assertThat(property(config, "spring.security.oauth2.resourceserver.jwt.issuer-uri"))
        .isEqualTo(PUBLIC_KEYCLOAK + "/realms/ecoplan");
    assertThat(property(config, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
        .isEqualTo(INTERNAL_KEYCLOAK + "/realms/ecoplan/protocol/openid-connect/certs");
    assertThat(property(config, "ecoplan.keycloak.url")).isEqualTo(PUBLIC_KEYCLOAK);
  }

  @Test
  void gatewaySendsBrowsersToThePublicKeycloakAndCallsItInCluster() {
    Map<String, Object> gateway = minimal.applicationYaml("gateway");

    assertThat(property(gateway, "ecoplan.keycloak.url")).isEqualTo(PUBLIC_KEYCLOAK);
    assertThat(property(gateway, "ecoplan.keycloak.internal-url")).isEqualTo(INTERNAL_KEYCLOAK);
  }

  @Test
  void withoutAnInternalUrlThePodsCallThePublicOne() {
    Map<String, Object> config = defaults.applicationYaml("risk-service");

    assertThat(property(config, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
        .isEqualTo(INTERNAL_KEYCLOAK + "/realms/ecoplan/protocol/openid-connect/certs");
    assertThat(property(config, "spring.security.oauth2.resourceserver.jwt.issuer-uri"))
        .isEqualTo(INTERNAL_KEYCLOAK + "/realms/ecoplan");
  }

  @Test
  void mongodbUriGoesIntoTheChartsOwnSecretAndItsChecksumRollsThePods() throws IOException {
    Manifests rendered = Manifests.render(values("""
        mongodb:
          uri: mongodb://mongo-0.mongo:27017/?replicaSet=rs0
        """));
    Manifests changed = Manifests.render(values("""
        mongodb:
          uri: mongodb://mongo-1.mongo:27017/?replicaSet=rs0
        """));

    Secret secret = rendered.get(Secret.class, "ecoplan-mongodb-uri");
    assertThat(secret.getStringData()).isEqualTo(Map.of("mongodb-uri", "mongodb://mongo-0.mongo:27017/?replicaSet=rs0"));
    for (String component : COMPONENTS) {
      Deployment deployment = rendered.deployment(component);
      assertThat(secretRef(container(deployment), "SPRING_MONGODB_URI"))
          .isEqualTo(new SecretKeySelector("mongodb-uri", "ecoplan-mongodb-uri", null));
      assertThat(annotation(deployment, "checksum/mongodb-secret"))
          .isNotBlank()
          .isNotEqualTo(annotation(changed.deployment(component), "checksum/mongodb-secret"));
    }
  }

  @Test
  void springPropertiesReachTheConfigurationWhoseChecksumRollsThePodsButCannotMoveThePorts() throws IOException {
    Manifests rendered = Manifests.render(values("""
        indicatorService:
          springProperties:
            ecoplan:
              air:
                planStation: 岳阳楼
            server:
              port: 9999
        """));
    Map<String, Object> config = rendered.applicationYaml("indicator-service");

    assertThat(property(config, "ecoplan.air.planStation")).isEqualTo("岳阳楼");
    assertThat(property(config, "server.port")).isEqualTo(8081);
    assertThat(property(config, "ecoplan.keycloak.url")).isEqualTo(INTERNAL_KEYCLOAK);
    assertThat(annotation(rendered.deployment("indicator-service"), "checksum/config"))
        .isNotEqualTo(annotation(defaults.deployment("indicator-service"), "checksum/config"));
    assertThat(annotation(rendered.deployment("risk-service"), "checksum/config"))
        .isEqualTo(annotation(defaults.deployment("risk-service"), "checksum/config"));
  }

  @Test
  void anotherReleaseNamePrefixesEveryNameAndTheReferencesFollow() {
    Manifests rendered = Manifests.render("demo");

    assertThat(rendered.objects()).extracting(o -> o.getMetadata().getName())
        .hasSize(defaults.objects().size())
        .allMatch(name -> name.startsWith("demo-ecoplan-"));
    assertThat(property(rendered.applicationYaml("gateway"), "ecoplan.routes.risk"))
        .isEqualTo("http://demo-ecoplan-risk-service:8083");
    assertThat(rendered.deployment("gateway").getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("demo-ecoplan-gateway");
  }

  @Test
  void realmJobProvisionsAfterEveryInstallAndUpgradeWithSecretsFromTheEnvironment() {
    Job job = minimal.get(Job.class, "ecoplan-realm-provisioning");
    Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("helm.sh/hook", "post-install,post-upgrade")
        .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
    assertThat(container.getImage()).isEqualTo("ecoplan/auth:0.1.0");
    assertThat(container.getArgs()).containsExactly("--profile", "production", "--url", INTERNAL_KEYCLOAK,
        "--admin-user", "$(KEYCLOAK_ADMIN_USER)", "--gateway-url", "https://ecoplan.bureau.example.cn");
    assertThat(secretRef(container, "KEYCLOAK_ADMIN_USER"))
        .isEqualTo(new SecretKeySelector("username", "ecoplan-keycloak-admin", null));
    assertThat(secretRef(container, "KEYCLOAK_ADMIN_PASSWORD"))
        .isEqualTo(new SecretKeySelector("password", "ecoplan-keycloak-admin", null));
    assertThat(secretRef(container, "ECOPLAN_GATEWAY_CLIENT_SECRET"))
        .isEqualTo(new SecretKeySelector("client-secret", "ecoplan-gateway-oauth2", null));
    assertThat(secretRef(container, "ECOPLAN_RISK_CLIENT_SECRET"))
        .isEqualTo(new SecretKeySelector("client-secret", "ecoplan-risk-service-client", null));
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("ecoplan-realm-provisioning");
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(6);
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
  }

  @Test
  void helmTestChecksTheGatewaysReadinessAndThatAnApiCallWithoutTokenIsRefused() {
    Pod test = defaults.get(Pod.class, "ecoplan-test");
    Container container = test.getSpec().getContainers().get(0);
    String script = String.join("\n", container.getCommand());

    assertThat(test.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "test");
    assertThat(env(container, "GATEWAY_URL").getValue()).isEqualTo("http://ecoplan-gateway:8080");
    assertThat(env(container, "MANAGEMENT_URL").getValue()).isEqualTo("http://ecoplan-gateway:9090");
    assertThat(script)
        .contains("expect 200 \"${MANAGEMENT_URL}/actuator/health/readiness\"")
        .contains("expect 401 \"${GATEWAY_URL}/api/v1/indicators\"");
    assertThat(container.getImage()).isEqualTo("curlimages/curl:8.11.1");
    assertThat(test.getSpec().getRestartPolicy()).isEqualTo("Never");
  }

  @Test
  void ingressServesThePublicHostOverTlsToTheGateway() {
    Ingress ingress = minimal.get(Ingress.class, "ecoplan-gateway");
    IngressRule rule = ingress.getSpec().getRules().get(0);

    assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
      assertThat(tls.getHosts()).containsExactly("ecoplan.bureau.example.cn");
      assertThat(tls.getSecretName()).isEqualTo("ecoplan-tls");
    });
    assertThat(rule.getHost()).isEqualTo("ecoplan.bureau.example.cn");
    assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
      assertThat(path.getPath()).isEqualTo("/");
      assertThat(path.getPathType()).isEqualTo("Prefix");
      assertThat(path.getBackend().getService().getName()).isEqualTo("ecoplan-gateway");
      assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
    });
  }

  @Test
  void autoscaledComponentLeavesItsReplicaCountToTheAutoscaler() {
    Manifests production = Manifests.render(Charts.PRODUCTION_VALUES);
    HorizontalPodAutoscaler autoscaler = production.get(HorizontalPodAutoscaler.class, "ecoplan-gateway");

    assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("ecoplan-gateway");
    assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(10);
    assertThat(autoscaler.getSpec().getMetrics()).singleElement()
        .satisfies(m -> assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(70));
    assertThat(production.deployment("gateway").getSpec().getReplicas()).isNull();
    assertThat(production.deployment("project-service").getSpec().getReplicas()).isEqualTo(3);
    assertThat(production.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getMetadata().getName())
        .containsExactlyInAnyOrder("ecoplan-gateway", "ecoplan-indicator-service");
  }

  @Test
  void productionValuesUseTheOperatorsSecretsAndTheBureausRegistry() {
    Manifests production = Manifests.render(Charts.PRODUCTION_VALUES);

    assertThat(production.all(Secret.class)).isEmpty();
    assertThat(secretRef(container(production.deployment("risk-service")), "SPRING_MONGODB_URI"))
        .isEqualTo(new SecretKeySelector("connectionString.standard", "ecoplan-mongodb-ecoplan-app", null));
    assertThat(secretRef(container(production.deployment("gateway")), "ECOPLAN_GATEWAY_CLIENT_SECRET"))
        .isEqualTo(new SecretKeySelector("secret", "ecoplan-gateway-client", null));
    assertThat(production.podSpecs()).allSatisfy(pod ->
        assertThat(pod.getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("bureau-registry"));
    assertThat(container(production.deployment("gateway")).getImage())
        .isEqualTo("registry.bureau.example.cn/ecoplan/gateway:0.1.0");
    assertThat(production.get(PodDisruptionBudget.class, "ecoplan-risk-service").getSpec().getMaxUnavailable()
        .getStrVal()).isEqualTo("34%");
  }

  @ParameterizedTest
  @CsvSource({
      "realmProvisioning, Job,           realm-provisioning",
      "networkPolicy,     NetworkPolicy, default-deny"})
  void aPartSwitchedOffLeavesNoObjectBehind(String key, String kind, String component) throws IOException {
    Manifests rendered = Manifests.render(values(key + ":\n  enabled: false\n"));

    assertThat(rendered.objects()).noneMatch(o -> o.getKind().equals(kind));
    assertThat(rendered.objects())
        .noneMatch(o -> component.equals(o.getMetadata().getLabels().get("app.kubernetes.io/component")));
  }

  private static List<String> concat(List<String> names, String... more) {
    return Stream.concat(names.stream(), Stream.of(more)).toList();
  }

  private Path values(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(valuesDir, "values-", ".yaml"), yaml);
  }

  private static SecretKeySelector secretRef(Container container, String name) {
    var variable = env(container, name);
    assertThat(variable.getValue()).as("%s must come from a Secret, not a literal", name).isNull();
    return variable.getValueFrom().getSecretKeyRef();
  }

  private static String annotation(Deployment deployment, String name) {
    Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(name);
  }
}

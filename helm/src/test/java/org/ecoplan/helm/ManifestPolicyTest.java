package org.ecoplan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.helm.Manifests.container;
import static org.ecoplan.helm.Manifests.env;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a cluster's admission policies (Pod Security "restricted", Kyverno's best practices) and its operators
 * would insist on, checked on every object the chart renders with the default, the minimal and the
 * production-like values.
 */
class ManifestPolicyTest {

  /** Names of settings whose values are credentials: never a literal in a manifest. */
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential|mongodb_uri).*");

  private static final Map<String, Path[]> VALUES = Map.of(
      "default values", new Path[0],
      "minimal values", new Path[] {Charts.MINIMAL_VALUES},
      "production-like values", new Path[] {Charts.PRODUCTION_VALUES});

  private static final Map<String, Manifests> RENDERINGS = new ConcurrentHashMap<>();

  static Stream<String> valuesFiles() {
    return VALUES.keySet().stream().sorted();
  }

  /** Also part of every other test here: a rendering is read strictly before anything is asserted on it. */
  @ParameterizedTest
  @MethodSource("valuesFiles")
  void everyRenderedObjectReadsIntoItsKubernetesApiTypeWithoutUnknownFields(String values) {
    List<Map<String, Object>> documents = Charts.render(Charts.RELEASE, VALUES.get(values));

    SoftAssertions.assertSoftly(softly -> documents.forEach(document ->
        softly.assertThatCode(() -> KubernetesModel.read(document)).doesNotThrowAnyException()));
    assertThat(documents).hasSizeGreaterThan(25);
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void everyObjectIsInTheReleaseNamespaceWithTheStandardLabels(String values) {
    assertThat(rendered(values).objects()).isNotEmpty().allSatisfy(object -> {
      Map<String, String> labels = object.getMetadata().getLabels();
      assertThat(object.getMetadata().getNamespace()).as(describe(object)).isEqualTo(Charts.NAMESPACE);
      assertThat(labels).as(describe(object))
          .containsEntry("app.kubernetes.io/name", "ecoplan")
          .containsEntry("app.kubernetes.io/instance", Charts.RELEASE)
          .containsEntry("app.kubernetes.io/part-of", "ecoplan")
          .containsEntry("app.kubernetes.io/version", "0.1.0")
          .containsEntry("app.kubernetes.io/managed-by", "Helm")
          .containsEntry("helm.sh/chart", "ecoplan-0.1.0")
          .containsKey("app.kubernetes.io/component");
    });
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void everyDeploymentsContainerHasStartupLivenessAndReadinessProbesOnTheManagementPort(String values) {
    Manifests rendered = rendered(values);
    assertThat(rendered.all(Deployment.class)).hasSize(4).allSatisfy(deployment -> {
      Container container = container(deployment);
      assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
      assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
      assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
    });
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void everyContainerHasRequestsAndLimitsAndTheJvmFollowsItsMemoryLimit(String values) {
    Manifests rendered = rendered(values);
    assertThat(containers(rendered)).hasSizeGreaterThanOrEqualTo(6).allSatisfy(container -> {
      Map<String, Quantity> requests = container.getResources().getRequests();
      Map<String, Quantity> limits = container.getResources().getLimits();
      assertThat(requests).as(container.getName()).containsKeys("cpu", "memory");
      assertThat(limits).as(container.getName()).containsKeys("cpu", "memory");
      // The kubelet evicts a pod using more memory than it requested first; the JVM uses up to its limit.
      assertThat(requests.get("memory")).as(container.getName()).isEqualTo(limits.get("memory"));
    });
    assertThat(javaContainers(rendered)).hasSizeGreaterThanOrEqualTo(4).allSatisfy(container ->
        assertThat(env(container, "JAVA_TOOL_OPTIONS").getValue())
            .matches("-XX:MaxRAMPercentage=\\d+(\\.\\d+)? -XX:InitialRAMPercentage=10"
                + " -XX:\\+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp.*"));
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void everyDeploymentRunsTheImagesAotClassesAndTheRealmJobDoesNot(String values) {
    Manifests rendered = rendered(values);
    // The images' bean definitions were generated at build time for the actuator on a port of its own.
    assertThat(rendered.all(Deployment.class)).hasSize(4).allSatisfy(deployment ->
        assertThat(env(container(deployment), "JAVA_TOOL_OPTIONS").getValue())
            .contains(" -Dspring.aot.enabled=true"));
    // The provisioner is no Spring application: the flag would only mislead.
    assertThat(rendered.all(Job.class)).allSatisfy(job ->
        assertThat(env(job.getSpec().getTemplate().getSpec().getContainers().get(0), "JAVA_TOOL_OPTIONS").getValue())
            .doesNotContain("spring.aot"));
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void everyPodRunsRestrictedOnAReadOnlyRootWithAWritableTmpAndNoToken(String values) {
    Manifests rendered = rendered(values);
    assertThat(rendered.podSpecs()).hasSizeGreaterThanOrEqualTo(6).allSatisfy(pod -> {
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      assertThat(pod.getAutomountServiceAccountToken()).isFalse();
      assertThat(pod.getEnableServiceLinks()).isFalse();
      assertThat(pod.getVolumes()).anySatisfy(volume -> {
        assertThat(volume.getName()).isEqualTo("tmp");
        assertThat(volume.getEmptyDir()).isNotNull();
      });
      for (Container container : pod.getContainers()) {
        SecurityContext security = container.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).as(container.getName()).isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
        assertThat(security.getCapabilities().getDrop()).as(container.getName()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).as(container.getName()).isNullOrEmpty();
        assertThat(security.getPrivileged()).as(container.getName()).isNotEqualTo(Boolean.TRUE);
        assertThat(security.getSeccompProfile().getType()).as(container.getName()).isEqualTo("RuntimeDefault");
        assertThat(container.getVolumeMounts()).as(container.getName())
            .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
      }
    });
    assertThat(rendered.all(ServiceAccount.class))
        .allSatisfy(account -> assertThat(account.getAutomountServiceAccountToken()).isFalse());
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void everyImageHasAFixedTagNeverLatest(String values) {
    Manifests rendered = rendered(values);
    assertThat(containers(rendered)).allSatisfy(container ->
        assertThat(container.getImage()).as(container.getName())
            .matches("[^:@\\s]+(:\\d+)?/?[^:@\\s]*:[\\w][\\w.-]*")
            .doesNotEndWith(":latest"));
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void noCredentialIsWrittenIntoAManifest(String values) {
    Manifests rendered = rendered(values);
    assertThat(rendered.all(Secret.class)).as("Secrets rendered from values").isEmpty();
    assertThat(containers(rendered)).allSatisfy(container -> {
      assertThat(container.getEnv()).as(container.getName())
          .filteredOn(variable -> SECRET_NAME.matcher(variable.getName()).matches())
          .allSatisfy(variable -> {
            assertThat(variable.getValue()).as(variable.getName()).isNull();
            assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName()).isNotNull();
          });
      // Anyone who may list pods or processes reads a command line; the provisioner takes its password from the
      // environment instead.
      assertThat(Stream.concat(container.getCommand().stream(), container.getArgs().stream())).as(container.getName())
          .noneMatch(argument -> argument.contains("--admin-password"));
    });
    assertThat(rendered.all(ConfigMap.class)).allSatisfy(config ->
        assertThat(config.getData().values()).as(describe(config))
            .noneMatch(text -> Pattern.compile("(?im)^\\s*[\\w.-]*(password|secret)[\\w.-]*:").matcher(text).find()));
  }

  @ParameterizedTest
  @MethodSource("valuesFiles")
  void everyDeploymentRollsWithoutLosingCapacityAndHasItsDisruptionBudgetAndNetworkPolicy(String values) {
    Manifests rendered = rendered(values);
    assertThat(rendered.all(Deployment.class)).allSatisfy(deployment -> {
      Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
      assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
      assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
      assertThat(rendered.all(PodDisruptionBudget.class)).as(describe(deployment) + " has a PodDisruptionBudget")
          .filteredOn(budget -> selects(budget.getSpec().getSelector(), podLabels))
          .hasSize(1);
      assertThat(rendered.all(NetworkPolicy.class)).as(describe(deployment) + " has its NetworkPolicy")
          .filteredOn(policy -> selects(policy.getSpec().getPodSelector(), podLabels))
          .filteredOn(policy -> !policy.getSpec().getIngress().isEmpty())
          .hasSize(1);
      assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
          .extracting(c -> c.getTopologyKey())
          .containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
      assertThat(deployment.getSpec().getSelector().getMatchLabels())
          .containsOnlyKeys("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component");
    });
  }

  private static Manifests rendered(String values) {
    return RENDERINGS.computeIfAbsent(values, name -> Manifests.render(VALUES.get(name)));
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
  }

  private static List<Container> containers(Manifests rendered) {
    return rendered.podSpecs().map(PodSpec::getContainers).flatMap(List::stream).toList();
  }

  /** Every container of the release except the test pod's curl. */
  private static List<Container> javaContainers(Manifests rendered) {
    return containers(rendered).stream().filter(c -> !c.getImage().contains("curl")).toList();
  }

  private static boolean selects(LabelSelector selector, Map<String, String> labels) {
    return selector.getMatchExpressions().isEmpty()
        && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
  }

  private static String describe(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getName();
  }
}

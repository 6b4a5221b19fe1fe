package org.ecoplan.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ecoplan.helm.Manifests.COMPONENTS;
import static org.ecoplan.helm.Manifests.SERVICES;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may talk to whom: nothing, except the ingress controller to the gateway, the gateway to the services,
 * project-service to indicator-service, and every pod to DNS, Keycloak and MongoDB.
 */
class NetworkPolicyTest {

  private static final String DNS = "namespace kube-system, pods k8s-app=kube-dns";
  private static final String KEYCLOAK = "namespace keycloak";
  private static final String MONGODB = "namespace mongodb";

  private static Manifests defaults;
  private static Manifests production;

  @BeforeAll
  static void render() {
    defaults = Manifests.render();
    production = Manifests.render(Charts.PRODUCTION_VALUES);
  }

  @Test
  void everyPodOfTheReleaseIsClosedBothWaysUnlessAPolicyOpensAPath() {
    NetworkPolicy deny = defaults.get(NetworkPolicy.class, "ecoplan-default-deny");

    assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isEqualTo(Map.of(
        "app.kubernetes.io/name", "ecoplan", "app.kubernetes.io/instance", Charts.RELEASE));
    assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isEmpty();
    assertThat(deny.getSpec().getEgress()).isEmpty();
    assertThat(defaults.all(Deployment.class))
        .allSatisfy(d -> assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
            .containsAllEntriesOf(deny.getSpec().getPodSelector().getMatchLabels()));
  }

  @Test
  void onlyTheIngressControllerReachesTheGatewaysApiPortAndOnlyTheTestPodItsActuator() {
    List<NetworkPolicyIngressRule> rules = policy(defaults, "gateway").getSpec().getIngress();

    assertThat(rules).extracting(NetworkPolicyTest::sources, NetworkPolicyTest::ports).containsExactly(
        tuple(
            Set.of("namespace ingress-nginx, pods app.kubernetes.io/name=ingress-nginx"), Set.of("TCP/8080")),
        tuple(Set.of("pods of test"), Set.of("TCP/8080", "TCP/9090")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      indicator-service | pods of gateway, pods of project-service
      project-service   | pods of gateway
      risk-service      | pods of gateway
      """)
  void aServiceAdmitsOnlyItsCallersOnItsApiPort(String service, String callers) {
    List<NetworkPolicyIngressRule> rules = policy(defaults, service).getSpec().getIngress();
    int port = defaults.deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0)
        .getPorts().get(0).getContainerPort();

    assertThat(rules).singleElement().satisfies(rule -> {
      assertThat(sources(rule)).containsExactlyInAnyOrder(callers.split(", "));
      assertThat(ports(rule)).containsExactly("TCP/" + port);
    });
  }

  @Test
  void theGatewayReachesDnsKeycloakMongodbAndTheServicesOnly() {
    List<NetworkPolicyEgressRule> rules = policy(defaults, "gateway").getSpec().getEgress();

    assertThat(rules).extracting(NetworkPolicyTest::destinations).containsExactly(
        Set.of(DNS), Set.of(KEYCLOAK), Set.of(MONGODB), Set.of("pods of indicator-service"),
        Set.of("pods of project-service"), Set.of("pods of risk-service"));
    assertThat(rules).extracting(NetworkPolicyTest::ports).containsExactly(
        Set.of("UDP/53", "TCP/53"), Set.of("TCP/8080", "TCP/8443"), Set.of("TCP/27017"), Set.of("TCP/8081"),
        Set.of("TCP/8082"), Set.of("TCP/8083"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"indicator-service", "risk-service"})
  void aServiceReachesDnsKeycloakAndMongodbOnly(String service) {
    List<NetworkPolicyEgressRule> rules = policy(defaults, service).getSpec().getEgress();

    assertThat(rules).extracting(NetworkPolicyTest::destinations)
        .containsExactly(Set.of(DNS), Set.of(KEYCLOAK), Set.of(MONGODB));
    assertThat(rules.get(2)).extracting(NetworkPolicyTest::ports).isEqualTo(Set.of("TCP/27017"));
  }

  @Test
  void projectServiceReachesDnsKeycloakMongodbAndIndicatorServiceOnly() {
    List<NetworkPolicyEgressRule> rules = policy(defaults, "project-service").getSpec().getEgress();

    assertThat(rules).extracting(NetworkPolicyTest::destinations)
        .containsExactly(Set.of(DNS), Set.of(KEYCLOAK), Set.of(MONGODB), Set.of("pods of indicator-service"));
    assertThat(rules).extracting(NetworkPolicyTest::ports).element(3).isEqualTo(Set.of("TCP/8081"));
  }

  @Test
  void theRealmJobReachesDnsAndKeycloakAndTheTestPodTheGateway() {
    assertThat(policy(defaults, "realm-provisioning").getSpec().getEgress())
        .extracting(NetworkPolicyTest::destinations).containsExactly(Set.of(DNS), Set.of(KEYCLOAK));
    assertThat(policy(defaults, "realm-provisioning").getSpec().getIngress()).isEmpty();
    assertThat(policy(defaults, "test").getSpec().getEgress())
        .extracting(NetworkPolicyTest::destinations).containsExactly(Set.of(DNS), Set.of("pods of gateway"));
    assertThat(policy(defaults, "test").getSpec().getIngress()).isEmpty();
  }

  @Test
  void peersComeFromValuesAsSelectorsOrAddressRanges() {
    List<NetworkPolicyEgressRule> egress = policy(production, "risk-service").getSpec().getEgress();

    assertThat(destinations(egress.get(2))).containsExactly("addresses 10.20.30.0/24");
    assertThat(destinations(egress.get(1))).containsExactly("namespace keycloak, pods app=keycloak");
    assertThat(ports(egress.get(1))).containsExactly("TCP/8080");
  }

  @Test
  void metricsScrapersReachOnlyTheManagementPort() {
    for (String component : COMPONENTS) {
      List<NetworkPolicyIngressRule> rules = policy(production, component).getSpec().getIngress();

      assertThat(rules).as(component)
          .filteredOn(rule -> sources(rule).contains("namespace monitoring, pods app.kubernetes.io/name=prometheus"))
          .singleElement()
          .satisfies(rule -> assertThat(ports(rule)).containsExactly("TCP/9090"));
    }
    assertThat(SERVICES).allSatisfy(service -> assertThat(policy(defaults, service).getSpec().getIngress())
        .noneMatch(rule -> ports(rule).contains("TCP/9090")));
  }

  private static NetworkPolicy policy(Manifests rendered, String part) {
    return rendered.get(NetworkPolicy.class, rendered.name(part));
  }

  private static Set<String> sources(NetworkPolicyIngressRule rule) {
    return rule.getFrom().stream().map(NetworkPolicyTest::describe).collect(Collectors.toSet());
  }

  private static Set<String> destinations(NetworkPolicyEgressRule rule) {
    return rule.getTo().stream().map(NetworkPolicyTest::describe).collect(Collectors.toSet());
  }

  private static Set<String> ports(NetworkPolicyIngressRule rule) {
    return describe(rule.getPorts());
  }

  private static Set<String> ports(NetworkPolicyEgressRule rule) {
    return describe(rule.getPorts());
  }

  private static Set<String> describe(List<NetworkPolicyPort> ports) {
    return ports.stream().map(p -> p.getProtocol() + "/" + p.getPort().getIntVal()).collect(Collectors.toSet());
  }

  /** A peer in words; a peer of this release is named by the component its pods belong to. */
  private static String describe(NetworkPolicyPeer peer) {
    if (peer.getIpBlock() != null) {
      return "addresses " + peer.getIpBlock().getCidr();
    }
    LabelSelector pods = peer.getPodSelector();
    if (peer.getNamespaceSelector() == null && pods != null
        && Charts.RELEASE.equals(pods.getMatchLabels().get("app.kubernetes.io/instance"))) {
      return "pods of " + pods.getMatchLabels().get("app.kubernetes.io/component");
    }
    String namespace = "namespace " + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    return pods == null ? namespace : namespace + ", pods " + pods.getMatchLabels().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }
}

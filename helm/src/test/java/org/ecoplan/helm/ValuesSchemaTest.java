package org.ecoplan.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values an operator could get wrong fail the install, naming the value and what was wanted. */
class ValuesSchemaTest {

  @TempDir
  Path valuesDir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      replicas as a string            | riskService: {replicaCount: "2"}              | at '/riskService/replicaCount': got string, want integer
      an unknown top-level key        | mongoDB: {uri: mongodb://mongo:27017}         | additional properties 'mongoDB' not allowed
      a misspelt component key        | gateway: {replicas: 2}                        | at '/gateway': additional properties 'replicas' not allowed
      no Keycloak URL                 | keycloak: {url: null}                         | at '/keycloak': missing property 'url'
      an empty Keycloak URL           | keycloak: {url: ""}                           | at '/keycloak/url'
      a Keycloak URL ending in /      | keycloak: {url: https://sso.example.org/}     | at '/keycloak/url'
      an internal URL without scheme  | keycloak: {internalUrl: keycloak:8080}        | at '/keycloak/internalUrl'
      no public gateway URL           | gateway: {publicUrl: null}                    | at '/gateway': missing property 'publicUrl'
      a public URL with a path        | gateway: {publicUrl: https://gov.example.cn/ecoplan} | at '/gateway/publicUrl'
      an Ingress without https        | ingress: {enabled: true}                      | at '/gateway/publicUrl': 'http://localhost:8080' does not match pattern '^https://'
      the latest tag                  | projectService: {image: {tag: latest}}       | at '/projectService/image/tag'
      a writable root filesystem      | containerSecurityContext: {readOnlyRootFilesystem: false} | at '/containerSecurityContext/readOnlyRootFilesystem': value must be true
      a heap as large as the container | gateway: {jvm: {maxRamPercentage: 100}}      | at '/gateway/jvm/maxRamPercentage': maximum
      no MongoDB Secret nor URI       | mongodb: {uri: "", existingSecret: ""}        | at '/mongodb'
      an ingress rule open to anyone  | networkPolicy: {ingressController: []}        | at '/networkPolicy/ingressController': minItems: got 0, want 1
      an egress rule open to anywhere | networkPolicy: {mongodb: {to: [], ports: [{port: 27017}]}} | at '/networkPolicy/mongodb/to'
      a management port on the API's  | projectService: {managementPort: 8082}       | project-service: managementPort must differ from port (8082)
      """)
  void badValuesFailWithAMessageNamingThem(String mistake, String values, String message) throws IOException {
    Path file = Files.writeString(Files.createTempFile(valuesDir, "values-", ".yaml"), values);

    assertThatThrownBy(() -> Charts.render(Charts.RELEASE, file))
        .as(mistake)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
  }
}

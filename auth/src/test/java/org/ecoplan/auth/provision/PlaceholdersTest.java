package org.ecoplan.auth.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void valuesComeFromExplicitThenEnvironmentThenProfileDefaultsThenInlineDefault() throws Exception {
        ObjectNode tree = json("{'a': '${A}', 'b': '${B}', 'c': '${C}', 'd': '${D:inline}'}");
        Map<String, String> environment = Map.of("A", "env-a", "B", "env-b");
        Placeholders placeholders = new Placeholders(Map.of("A", "explicit-a"), environment::get,
                Map.of("B", "default-b", "C", "default-c", "D", "default-d"));

        assertThat(placeholders.resolve(tree)).isEmpty();
        assertThat(tree).isEqualTo(json("{'a': 'explicit-a', 'b': 'env-b', 'c': 'default-c', 'd': 'default-d'}"));
    }

    @Test
    void keycloakMessageKeysAndTextAroundPlaceholdersStay() throws Exception {
        ObjectNode tree = json("{'label': '${profile.attribute.firstName}', 'url': '${HOST:localhost}:${PORT:80}/x'}");

        new Placeholders(Map.of(), name -> null, Map.of()).resolve(tree);

        assertThat(tree).isEqualTo(json("{'label': '${profile.attribute.firstName}', 'url': 'localhost:80/x'}"));
    }

    @Test
    void missingValuesAreCollectedWithEveryPlaceWhereTheyAreUsed() throws Exception {
        ObjectNode tree = json("{'clients': [{'clientId': 'web', 'secret': '${SECRET}'}, "
                + "{'clientId': 'job', 'secret': '${SECRET}'}], 'tags': ['${TAG}'], 'empty': '${EMPTY:}'}");

        Map<String, List<String>> missing = new Placeholders(Map.of(), name -> null, Map.of()).resolve(tree);

        assertThat(missing).containsExactly(
                Map.entry("SECRET", List.of("clients[web].secret", "clients[job].secret")),
                Map.entry("TAG", List.of("tags[0]")));
        assertThat(tree.path("empty").asText()).isEmpty();
    }
}

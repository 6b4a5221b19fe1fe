package org.ecoplan.auth.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void fieldsTheDefinitionDoesNotNameAreIgnored() throws Exception {
        ObjectNode desired = json("{'name': 'gateway', 'attributes': {'pkce.code.challenge.method': 'S256'}}");
        ObjectNode actual = json("{'name': 'gateway', 'id': '42', 'attributes': {'pkce.code.challenge.method': "
                + "'S256', 'backchannel.logout.session.required': 'true'}}");

        assertThat(Json.differences(desired, actual)).isEmpty();
    }

    @Test
    void differencesNameTheFieldPaths() throws Exception {
        ObjectNode desired = json("{'description': 'new', 'attributes': {'pkce.code.challenge.method': 'S256'}, "
                + "'enabled': true}");
        ObjectNode actual = json("{'description': 'old', 'attributes': {}}");

        assertThat(Json.differences(desired, actual))
                .containsExactly("description", "attributes.pkce.code.challenge.method", "enabled");
    }

    @Test
    void anEmptyObjectAsksForNothing() throws Exception {
        assertThat(Json.differences(json("{'name': 'env', 'attributes': {}}"), json("{'name': 'env'}"))).isEmpty();
        assertThat(Json.differences(json("{'attributes': {'department': ['env']}}"), json("{'name': 'env'}")))
                .containsExactly("attributes.department");
    }

    @Test
    void listsCompareAsSetsAndScalarsByText() throws Exception {
        ObjectNode desired = json("{'redirectUris': ['a', 'b'], 'multivalued': 'false', 'lifespan': '300'}");

        assertThat(Json.differences(desired, json("{'redirectUris': ['b', 'a'], 'multivalued': false, "
                + "'lifespan': 300}"))).isEmpty();
        assertThat(Json.differences(desired, json("{'redirectUris': ['a'], 'multivalued': false, "
                + "'lifespan': 300}"))).containsExactly("redirectUris");
    }

    @Test
    void overlayKeepsWhatKeycloakHasBesideTheDefinedFields() throws Exception {
        ObjectNode actual = json("{'id': '1', 'name': 'env', 'attributes': {'department': ['old'], "
                + "'note': ['kept']}}");
        ObjectNode desired = json("{'name': 'env', 'attributes': {'department': ['env']}}");

        assertThat(Json.overlay(actual, desired)).isEqualTo(json("{'id': '1', 'name': 'env', 'attributes': "
                + "{'department': ['env'], 'note': ['kept']}}"));
        assertThat(actual.path("attributes").path("department").get(0).asText()).isEqualTo("old");
    }

    @Test
    void anOverlayAppendsListsAndOverridesValues() throws Exception {
        ObjectNode base = json("{'roles': [{'name': 'a'}], 'settings': {'enabled': true, 'displayName': 'x'}}");

        Json.mergeInto(base, json("{'roles': [{'name': 'b'}], 'settings': {'displayName': 'y'}, 'users': []}"));

        assertThat(base).isEqualTo(json("{'roles': [{'name': 'a'}, {'name': 'b'}], "
                + "'settings': {'enabled': true, 'displayName': 'y'}, 'users': []}"));
    }
}

package org.ecoplan.auth.provision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compares and merges Keycloak representations as JSON trees. The definition only names the fields the
 * platform owns, so "unchanged" means: every field the definition names has that value in Keycloak,
 * whatever else Keycloak holds.
 */
final class Json {

    /** Converts Keycloak representations; tolerant, because Keycloak knows fields this client does not. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Checks definition content against Keycloak's representations, so a misspelt field fails early. */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static <T> T convert(JsonNode tree, Class<T> type) {
        return MAPPER.convertValue(tree, type);
    }

    /** Single-valued attributes as Keycloak's multi-valued attribute maps hold them. */
    static ObjectNode multiValued(Map<String, String> attributes) {
        ObjectNode node = MAPPER.createObjectNode();
        attributes.forEach((name, value) -> node.putArray(name).add(value));
        return node;
    }

    /**
     * The paths of the fields {@code desired} names whose value differs in {@code actual}. Arrays compare as
     * sets, since Keycloak does not keep the order of redirect URIs, locales or attribute values; scalars
     * compare by their text, since Keycloak keeps some booleans and numbers as strings.
     */
    static List<String> differences(JsonNode desired, JsonNode actual) {
        List<String> paths = new ArrayList<>();
        collectDifferences(desired, actual, "", paths);
        return paths;
    }

    private static void collectDifferences(JsonNode desired, JsonNode actual, String path, List<String> paths) {
        if (desired == null || desired.isNull()) {
            return;
        }
        if (desired.isObject()) {
            JsonNode actualObject = actual != null && actual.isObject() ? actual : MissingNode.getInstance();
            for (Map.Entry<String, JsonNode> field : desired.properties()) {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                collectDifferences(field.getValue(), actualObject.get(field.getKey()), fieldPath, paths);
            }
        } else if (desired.isArray()) {
            if (actual == null || !actual.isArray() || !elements(desired).equals(elements(actual))) {
                paths.add(path);
            }
        } else if (actual == null || actual.isNull() || actual.isContainerNode()
                || !desired.asText().equals(actual.asText())) {
            paths.add(path);
        }
    }

    private static Set<String> elements(JsonNode array) {
        Set<String> elements = new HashSet<>();
        array.forEach(element -> elements.add(element.isValueNode() ? element.asText() : element.toString()));
        return elements;
    }

    /** A copy of {@code actual} with every field of {@code desired} written over it, objects merged deeply. */
    static ObjectNode overlay(ObjectNode actual, ObjectNode desired) {
        ObjectNode result = actual.deepCopy();
        for (Map.Entry<String, JsonNode> field : desired.properties()) {
            JsonNode current = result.get(field.getKey());
            if (field.getValue().isObject() && current != null && current.isObject()) {
                result.set(field.getKey(), overlay((ObjectNode) current, (ObjectNode) field.getValue()));
            } else if (!field.getValue().isNull()) {
                result.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return result;
    }

    /** Merges a profile overlay into the base definition: lists are appended, objects merged, values replaced. */
    static void mergeInto(ObjectNode base, ObjectNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode current = base.get(field.getKey());
            if (current instanceof ArrayNode list && field.getValue().isArray()) {
                list.addAll((ArrayNode) field.getValue());
            } else if (current instanceof ObjectNode object && field.getValue() instanceof ObjectNode addition) {
                mergeInto(object, addition);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }
}

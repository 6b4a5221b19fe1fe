package org.ecoplan.auth.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:default}} in every string of a definition tree. Only upper-case
 * names are placeholders, so Keycloak's own message keys such as {@code ${profile.attribute.firstName}} pass
 * through. A value is taken from, in this order: the explicit values, the environment (blank counts as
 * unset, as an empty Kubernetes Secret key would be), the profile's defaults, the inline default.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private final Map<String, String> explicit;
    private final Function<String, String> environment;
    private final Map<String, String> profileDefaults;

    Placeholders(Map<String, String> explicit, Function<String, String> environment,
            Map<String, String> profileDefaults) {
        this.explicit = Map.copyOf(explicit);
        this.environment = environment;
        this.profileDefaults = Map.copyOf(profileDefaults);
    }

    /**
     * Resolves the tree in place.
     *
     * @return every placeholder without a value, mapped to the places it is used at
     */
    Map<String, List<String>> resolve(JsonNode root) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        resolve(root, "", missing);
        return missing;
    }

    private void resolve(JsonNode node, String path, Map<String, List<String>> missing) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getValue().isTextual()) {
                    field.setValue(substitute(field.getValue().textValue(), fieldPath, missing));
                } else {
                    resolve(field.getValue(), fieldPath, missing);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String elementPath = path + "[" + label(array.get(i), i) + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, substitute(array.get(i).textValue(), elementPath, missing));
                } else {
                    resolve(array.get(i), elementPath, missing);
                }
            }
        }
    }

    private TextNode substitute(String text, String path, Map<String, List<String>> missing) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = lookup(matcher.group(1), matcher.group(2));
            if (value == null) {
                missing.computeIfAbsent(matcher.group(1), name -> new ArrayList<>()).add(path);
                value = matcher.group();
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return TextNode.valueOf(resolved.toString());
    }

    private String lookup(String name, String inlineDefault) {
        if (explicit.containsKey(name)) {
            return explicit.get(name);
        }
        String fromEnvironment = environment.apply(name);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (profileDefaults.containsKey(name)) {
            return profileDefaults.get(name);
        }
        return inlineDefault;
    }

    // Entries are easier to find by their name than by their position in the file.
    private static String label(JsonNode element, int index) {
        for (String key : List.of("clientId", "username", "name")) {
            if (element.path(key).isTextual()) {
                return element.path(key).textValue();
            }
        }
        return String.valueOf(index);
    }
}

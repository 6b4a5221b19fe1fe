package org.ecoplan.auth.provision;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;

import org.ecoplan.auth.provision.RealmDefinition.Client;
import org.ecoplan.auth.provision.RealmDefinition.ClientScope;
import org.ecoplan.auth.provision.RealmDefinition.Profile;
import org.ecoplan.auth.provision.RealmDefinition.User;

/** Reads the realm files from the class path, merges the profile's overlay, resolves and validates. */
final class RealmDefinitionLoader {

    static final String BASE = "realm/ecoplan-realm.yaml";
    static final String LOCAL_OVERLAY = "realm/ecoplan-realm-local.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    // Fields the provisioner derives or manages itself; setting them in `settings` would be overwritten.
    private static final Set<String> MANAGED_REALM_FIELDS = Set.of("id", "realm", "roles", "groups", "users",
            "clients", "clientScopes", "defaultDefaultClientScopes");
    private static final Set<String> MANAGED_CLIENT_FIELDS = Set.of("id", "clientId", "secret", "redirectUris",
            "webOrigins", "defaultClientScopes");

    private RealmDefinitionLoader() {
    }

    static RealmDefinition load(Profile profile, List<String> gatewayBaseUrls, Function<String, String> environment) {
        return load(BASE, LOCAL_OVERLAY, profile, gatewayBaseUrls, environment);
    }

    static RealmDefinition load(String baseResource, String localOverlayResource, Profile profile,
            List<String> gatewayBaseUrls, Function<String, String> environment) {
        ObjectNode tree = read(baseResource);
        Map<String, String> defaults = Map.of();
        if (profile == Profile.LOCAL) {
            ObjectNode overlay = read(localOverlayResource);
            JsonNode defaultsNode = overlay.remove("defaults");
            if (defaultsNode != null) {
                defaults = YAML.convertValue(defaultsNode, YAML.getTypeFactory()
                        .constructMapType(LinkedHashMap.class, String.class, String.class));
            }
            Json.mergeInto(tree, overlay);
        }
        Map<String, String> explicit = gatewayBaseUrls.isEmpty() ? Map.of()
                : Map.of(RealmDefinition.GATEWAY_URLS, String.join(",", gatewayBaseUrls));

        Map<String, List<String>> missing = new Placeholders(explicit, environment, defaults).resolve(tree);
        if (!missing.isEmpty()) {
            throw new RealmDefinitionException("The " + describe(profile) + " realm definition needs settings that "
                    + "are not set", missing.entrySet().stream()
                    .map(entry -> entry.getKey() + " is not set (used by " + String.join(", ", entry.getValue())
                            + "); " + howToSet(entry.getKey()))
                    .toList());
        }

        RealmDefinition definition;
        try {
            definition = YAML.treeToValue(tree, RealmDefinition.class);
        } catch (JsonMappingException e) {
            throw new RealmDefinitionException("The realm definition does not match its format at "
                    + e.getPathReference() + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new RealmDefinitionException("The realm definition cannot be read: " + e.getOriginalMessage(), e);
        }
        List<String> problems = validate(definition);
        if (!problems.isEmpty()) {
            throw new RealmDefinitionException("The " + describe(profile) + " realm definition is inconsistent",
                    problems);
        }
        return definition;
    }

    private static String describe(Profile profile) {
        return profile.name().toLowerCase(Locale.ROOT);
    }

    private static String howToSet(String name) {
        if (name.equals(RealmDefinition.GATEWAY_URLS)) {
            return "pass the gateway's public base URL (ProvisionerMain --gateway-url) or set the environment "
                    + "variable";
        }
        return "set the environment variable";
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = RealmDefinitionLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new RealmDefinitionException("Realm file " + resource + " is not on the class path", List.of());
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new RealmDefinitionException("Realm file " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<String> validate(RealmDefinition definition) {
        List<String> problems = new ArrayList<>();
        if (definition.realm() == null || definition.realm().isBlank()) {
            problems.add("the realm has no name");
        }
        checkFields("realm settings", definition.settings(), RealmRepresentation.class, MANAGED_REALM_FIELDS,
                problems);

        Set<String> roles = unique("role", definition.roles().stream().map(RealmDefinition.Role::name).toList(),
                problems);
        Set<String> groups = unique("group", definition.groups().stream().map(RealmDefinition.Group::name).toList(),
                problems);
        Set<String> declaredAttributes = unique("user-profile attribute", definition.userProfileAttributes()
                .stream().map(attribute -> String.valueOf(attribute.get("name"))).toList(), problems);
        for (Map<String, Object> attribute : definition.userProfileAttributes()) {
            checkFields("user-profile attribute " + attribute.get("name"), attribute, UPAttribute.class, Set.of(),
                    problems);
        }

        unique("required action", definition.requiredActions().stream()
                .map(RealmDefinition.RequiredAction::alias).toList(), problems);

        Set<String> scopes = unique("client scope",
                definition.clientScopes().stream().map(ClientScope::name).toList(), problems);
        for (ClientScope scope : definition.clientScopes()) {
            unique("protocol mapper of client scope " + scope.name(),
                    scope.protocolMappers().stream().map(RealmDefinition.ProtocolMapper::name).toList(), problems);
        }

        unique("client", definition.clients().stream().map(Client::clientId).toList(), problems);
        for (Client client : definition.clients()) {
            validateClient(client, roles, scopes, problems);
        }

        unique("user", definition.users().stream().map(User::username).toList(), problems);
        for (User user : definition.users()) {
            String who = "user " + user.username();
            for (String value : new String[] {user.username(), user.email()}) {
                if (value != null && !value.equals(value.toLowerCase(Locale.ROOT))) {
                    problems.add(who + " has '" + value + "'; Keycloak keeps user names and e-mail addresses in "
                            + "lower case, so write them that way");
                }
            }
            missingReferences(who, "group", user.groups(), groups, problems);
            missingReferences(who, "realm role", user.realmRoles(), roles, problems);
            for (String attribute : user.attributes().keySet()) {
                if (!declaredAttributes.contains(attribute)) {
                    problems.add(who + " sets attribute " + attribute + ", which userProfileAttributes does not "
                            + "declare; Keycloak would drop it silently");
                }
            }
        }
        return problems;
    }

    private static void validateClient(Client client, Set<String> roles, Set<String> scopes, List<String> problems) {
        String who = "client " + client.clientId();
        checkFields(who + " settings", client.settings(), ClientRepresentation.class, MANAGED_CLIENT_FIELDS,
                problems);
        if (client.settings().get("attributes") instanceof Map<?, ?> attributes
                && attributes.containsKey("post.logout.redirect.uris")) {
            problems.add(who + " sets post.logout.redirect.uris; use postLogoutRedirectPaths");
        }
        boolean hasSecret = client.secret() != null && !client.secret().isBlank();
        if (client.isPublic() && hasSecret) {
            problems.add(who + " is public and must not have a secret");
        }
        if (!client.isPublic() && !hasSecret) {
            problems.add(who + " is confidential and needs a secret");
        }
        if (!(client.serviceAccountRealmRoles().isEmpty() && client.serviceAccountClientRoles().isEmpty())
                && !"true".equals(String.valueOf(client.settings().get("serviceAccountsEnabled")))) {
            problems.add(who + " grants service-account roles but does not enable its service account");
        }
        missingReferences(who, "realm role", client.serviceAccountRealmRoles(), roles, problems);
        missingReferences(who, "client scope", client.defaultClientScopes(), scopes, problems);
        if (client.appUrls().isEmpty()
                && !(client.redirectPaths().isEmpty() && client.postLogoutRedirectPaths().isEmpty())) {
            problems.add(who + " has redirect paths but no appUrls");
        }
        for (String url : client.appUrls()) {
            checkAppUrl(who, url, problems);
        }
        for (String path : concat(client.redirectPaths(), client.postLogoutRedirectPaths())) {
            if (!path.startsWith("/")) {
                problems.add(who + " has redirect path '" + path + "', which does not start with /");
            }
        }
    }

    private static void checkAppUrl(String who, String url, List<String> problems) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add(who + " has app URL '" + url + "'; expected an http(s) base URL such as "
                        + "https://ecoplan.example.org");
            }
        } catch (URISyntaxException e) {
            problems.add(who + " has app URL '" + url + "', which is not a URL: " + e.getReason());
        }
    }

    private static void checkFields(String what, Map<String, Object> fields, Class<?> representation,
            Set<String> managed, List<String> problems) {
        for (String field : fields.keySet()) {
            if (managed.contains(field)) {
                problems.add(what + " must not set " + field + "; the definition manages it elsewhere");
            }
        }
        try {
            Json.STRICT.convertValue(fields, representation);
        } catch (IllegalArgumentException e) {
            problems.add(what + ": not valid as Keycloak's " + representation.getSimpleName() + " ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static Set<String> unique(String kind, List<String> names, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank() || "null".equals(name)) {
                problems.add("a " + kind + " has no name");
            } else if (!seen.add(name)) {
                problems.add(kind + " " + name + " is defined twice");
            }
        }
        return seen;
    }

    private static void missingReferences(String who, String kind, List<String> references, Set<String> defined,
            List<String> problems) {
        String missing = references.stream().filter(reference -> !defined.contains(reference))
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            problems.add(who + " refers to " + kind + "(s) the definition does not have: " + missing);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

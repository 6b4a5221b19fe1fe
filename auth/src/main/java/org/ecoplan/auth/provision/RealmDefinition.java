package org.ecoplan.auth.provision;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Keycloak realm the platform needs, read from {@code realm/ecoplan-realm.yaml} (plus
 * {@code realm/ecoplan-realm-local.yaml} for the local profile) with every placeholder resolved.
 * {@link RealmProvisioner} applies it; the YAML files explain each entry.
 *
 * @param realm                 the realm name
 * @param settings              Keycloak {@code RealmRepresentation} fields the platform decides
 * @param roles                 realm roles
 * @param groups                top-level groups
 * @param userProfileAttributes Keycloak {@code UPAttribute} fields of the user-profile attributes the platform declares
 * @param requiredActions       Keycloak's built-in required actions the platform switches on or off
 * @param clientScopes          client scopes with their protocol mappers
 * @param clients               OpenID Connect clients
 * @param users                 accounts (demo accounts of the local profile)
 */
public record RealmDefinition(
        String realm,
        Map<String, Object> settings,
        List<Role> roles,
        List<Group> groups,
        List<Map<String, Object>> userProfileAttributes,
        List<RequiredAction> requiredActions,
        List<ClientScope> clientScopes,
        List<Client> clients,
        List<User> users) {

    /** Environment variable (or provisioner argument) with the gateway's public base URLs, comma-separated. */
    public static final String GATEWAY_URLS = "ECOPLAN_GATEWAY_URLS";

    /** Which content goes into the realm. */
    public enum Profile {
        /** The base plus demo accounts, demo clients and local-development default secrets. */
        LOCAL,
        /** The base only; every secret must come from the environment. */
        PRODUCTION;

        /** Parses {@code local} or {@code production}, as given on a command line. */
        public static Profile parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown profile '" + name + "': use local or production", e);
            }
        }
    }

    public RealmDefinition {
        settings = unmodifiableCopy(settings);
        roles = listOrEmpty(roles);
        groups = listOrEmpty(groups);
        userProfileAttributes = listOrEmpty(userProfileAttributes).stream()
                .map(RealmDefinition::unmodifiableCopy)
                .toList();
        requiredActions = listOrEmpty(requiredActions);
        clientScopes = listOrEmpty(clientScopes);
        clients = listOrEmpty(clients);
        users = listOrEmpty(users);
    }

    /**
     * The local-development realm: the base plus the demo content, secrets falling back to their
     * local-development defaults.
     *
     * @param gatewayBaseUrls the gateway's base URLs as the browser sees them; none means
     *                        {@code ECOPLAN_GATEWAY_URLS} or else {@code http://localhost:8080}
     */
    public static RealmDefinition local(String... gatewayBaseUrls) {
        return load(Profile.LOCAL, List.of(gatewayBaseUrls), System::getenv);
    }

    /**
     * The production realm: the base only. Secrets come from the environment, and a missing one fails
     * with a {@link RealmDefinitionException} naming it.
     *
     * @param gatewayBaseUrls the gateway's public base URLs; none means {@code ECOPLAN_GATEWAY_URLS}
     */
    public static RealmDefinition production(String... gatewayBaseUrls) {
        return load(Profile.PRODUCTION, List.of(gatewayBaseUrls), System::getenv);
    }

    /**
     * Reads and validates the definition of a profile.
     *
     * @param gatewayBaseUrls overrides {@code ECOPLAN_GATEWAY_URLS} when not empty
     * @param environment     where placeholders are looked up, usually {@code System::getenv}
     * @throws RealmDefinitionException when a placeholder has no value or the content is inconsistent
     */
    public static RealmDefinition load(Profile profile, List<String> gatewayBaseUrls,
            Function<String, String> environment) {
        return RealmDefinitionLoader.load(profile, gatewayBaseUrls, environment);
    }

    public Optional<Client> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    public Optional<User> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** A realm role. */
    public record Role(String name, String description) {
    }

    /**
     * One of Keycloak's registered required actions, identified by its alias.
     *
     * @param enabled       whether an administrator may set it on an account and users may start it themselves
     * @param defaultAction whether every new account must complete it at its first login
     */
    public record RequiredAction(String alias, boolean enabled, boolean defaultAction) {
    }

    /** A top-level group; attributes are single-valued. */
    public record Group(String name, String description, Map<String, String> attributes) {

        public Group {
            attributes = unmodifiableCopy(attributes);
        }
    }

    /**
     * An OpenID Connect client scope.
     *
     * @param defaultForNewClients whether Keycloak attaches it to every client created from now on
     */
    public record ClientScope(String name, String description, boolean defaultForNewClients,
            Map<String, String> attributes, List<ProtocolMapper> protocolMappers) {

        public ClientScope {
            attributes = unmodifiableCopy(attributes);
            protocolMappers = listOrEmpty(protocolMappers);
        }
    }

    /** An OpenID Connect protocol mapper, identified by its name within its client scope. */
    public record ProtocolMapper(String name, String protocolMapper, Map<String, String> config) {

        public ProtocolMapper {
            config = unmodifiableCopy(config);
        }
    }

    /**
     * An OpenID Connect client.
     *
     * @param secret                   the client secret of a confidential client
     * @param appUrls                  base URLs of the application; redirect URIs, web origins and
     *                                 post-logout redirect URIs are derived from them
     * @param redirectPaths            paths below each app URL Keycloak may redirect to after login
     * @param postLogoutRedirectPaths  paths below each app URL Keycloak may redirect to after logout
     * @param defaultClientScopes      client scopes of this definition the client's tokens always get
     * @param serviceAccountRealmRoles realm roles of the client's service account
     * @param serviceAccountClientRoles roles of other clients (such as {@code realm-management}) of the client's
     *                                 service account, by the clientId of the client that defines them
     * @param settings                 Keycloak {@code ClientRepresentation} fields
     */
    public record Client(String clientId, String secret, List<String> appUrls, List<String> redirectPaths,
            List<String> postLogoutRedirectPaths, List<String> defaultClientScopes,
            List<String> serviceAccountRealmRoles, Map<String, List<String>> serviceAccountClientRoles,
            Map<String, Object> settings) {

        public Client {
            appUrls = listOrEmpty(appUrls).stream()
                    .flatMap(value -> List.of(value.split(",")).stream())
                    .map(String::trim)
                    .filter(url -> !url.isEmpty())
                    .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                    .toList();
            redirectPaths = listOrEmpty(redirectPaths);
            postLogoutRedirectPaths = listOrEmpty(postLogoutRedirectPaths);
            defaultClientScopes = listOrEmpty(defaultClientScopes);
            serviceAccountRealmRoles = listOrEmpty(serviceAccountRealmRoles);
            serviceAccountClientRoles = serviceAccountClientRoles == null ? Map.of()
                    : Map.copyOf(serviceAccountClientRoles);
            settings = unmodifiableCopy(settings);
        }

        public boolean isPublic() {
            return "true".equals(String.valueOf(settings.get("publicClient")));
        }

        public List<String> redirectUris() {
            return expand(redirectPaths);
        }

        public List<String> postLogoutRedirectUris() {
            return expand(postLogoutRedirectPaths);
        }

        /** The origins of the app URLs, the only ones allowed to call Keycloak from a browser script. */
        public List<String> webOrigins() {
            LinkedHashSet<String> origins = new LinkedHashSet<>();
            for (String url : appUrls) {
                URI uri = URI.create(url);
                origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
            }
            return List.copyOf(origins);
        }

        private List<String> expand(List<String> paths) {
            List<String> uris = new ArrayList<>();
            for (String url : appUrls) {
                for (String path : paths) {
                    uris.add(url + path);
                }
            }
            return List.copyOf(uris);
        }

        @Override
        public String toString() {
            return "Client[clientId=" + clientId + ", secret=" + (secret == null ? "none" : "***") + ", appUrls="
                    + appUrls + ", defaultClientScopes=" + defaultClientScopes + ", serviceAccountRealmRoles="
                    + serviceAccountRealmRoles + ", serviceAccountClientRoles=" + serviceAccountClientRoles
                    + ", settings=" + settings + "]";
        }
    }

    /**
     * A user account.
     *
     * @param initialPassword set when the account is created, never afterwards
     * @param attributes      single-valued user-profile attributes
     * @param groups          names of top-level groups the user belongs to
     * @param realmRoles      realm roles granted to the user directly
     */
    public record User(String username, String firstName, String lastName, String email, String initialPassword,
            Map<String, String> attributes, List<String> groups, List<String> realmRoles) {

        public User {
            attributes = unmodifiableCopy(attributes);
            groups = listOrEmpty(groups);
            realmRoles = listOrEmpty(realmRoles);
        }

        @Override
        public String toString() {
            return "User[username=" + username + ", email=" + email + ", initialPassword="
                    + (initialPassword == null ? "none" : "***") + ", attributes=" + attributes + ", groups=" + groups
                    + ", realmRoles=" + realmRoles + "]";
        }
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    // Keeps the file's order and tolerates null values (an empty YAML entry), which Map.copyOf rejects.
    private static <V> Map<String, V> unmodifiableCopy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

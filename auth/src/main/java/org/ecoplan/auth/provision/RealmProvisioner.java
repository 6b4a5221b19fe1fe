package org.ecoplan.auth.provision;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.resteasy.client.exception.WebApplicationExceptionWrapper;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.GroupResource;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleMappingResource;
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ecoplan.auth.provision.ProvisioningReport.Item;
import org.ecoplan.auth.provision.ProvisioningReport.Kind;
import org.ecoplan.auth.provision.ProvisioningReport.Outcome;
import org.ecoplan.auth.provision.RealmDefinition.Client;
import org.ecoplan.auth.provision.RealmDefinition.ClientScope;
import org.ecoplan.auth.provision.RealmDefinition.Group;
import org.ecoplan.auth.provision.RealmDefinition.ProtocolMapper;
import org.ecoplan.auth.provision.RealmDefinition.RequiredAction;
import org.ecoplan.auth.provision.RealmDefinition.Role;
import org.ecoplan.auth.provision.RealmDefinition.User;

/**
 * Applies a {@link RealmDefinition} to a Keycloak through its Admin REST API, create-or-update: whatever is
 * missing is created, whatever differs in a field the definition names is updated, and nothing is ever
 * deleted, so roles, clients or users an administrator added by hand survive. Applying the same definition
 * twice changes nothing the second time, and the {@link ProvisioningReport} says so.
 *
 * <p>Signs in to the {@code master} realm through {@code admin-cli} with the password grant. Blocking; not
 * for an event-loop thread. Not thread-safe.
 */
public final class RealmProvisioner implements AutoCloseable {

    /** How long one Admin REST call may take, connecting and answering each. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RealmProvisioner.class);
    private static final String OPENID_CONNECT = "openid-connect";
    private static final int BODY_EXCERPT = 300;

    private final Keycloak keycloak;
    private final URI serverUrl;
    private final String adminUsername;
    private final Duration timeout;

    private RealmProvisioner(Keycloak keycloak, URI serverUrl, String adminUsername, Duration timeout) {
        this.keycloak = keycloak;
        this.serverUrl = serverUrl;
        this.adminUsername = adminUsername;
        this.timeout = timeout;
    }

    /** Connects with {@link #DEFAULT_TIMEOUT}. Nothing is sent before {@link #apply}. */
    public static RealmProvisioner connect(String serverUrl, String adminUsername, String adminPassword) {
        return connect(serverUrl, adminUsername, adminPassword, DEFAULT_TIMEOUT);
    }

    /**
     * @param serverUrl     Keycloak's base URL, such as {@code http://localhost:8180}
     * @param adminUsername an administrator of the {@code master} realm
     * @param timeout       how long connecting and each answer may take
     */
    public static RealmProvisioner connect(String serverUrl, String adminUsername, String adminPassword,
            Duration timeout) {
        Objects.requireNonNull(adminPassword, "adminPassword");
        URI url = URI.create(serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl);
        // The same client the admin client builds by default, plus timeouts: without them a Keycloak that
        // accepts connections but never answers would hang the provisioner (and a Kubernetes Job) forever.
        jakarta.ws.rs.client.Client http = ResteasyClientClassicProvider.createClientBuilder()
                .register(JacksonProvider.class, 100)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        Keycloak keycloak = KeycloakBuilder.builder()
                .serverUrl(url.toString())
                .realm("master")
                .clientId("admin-cli")
                .username(adminUsername)
                .password(adminPassword)
                .resteasyClient(http)
                .build();
        return new RealmProvisioner(keycloak, url, adminUsername, timeout);
    }

    /**
     * Brings the realm in line with the definition, changing only what differs.
     *
     * @throws ProvisioningException when Keycloak cannot be reached or refuses a step; the message names the
     *                               step and Keycloak's answer
     */
    public ProvisioningReport apply(RealmDefinition definition) {
        return run(definition, false);
    }

    /**
     * Compares the definition with the live realm and reports what {@link #apply} would create and update,
     * sending nothing but reads. A realm that does not exist yet is reported as created with everything in it.
     *
     * @throws ProvisioningException when Keycloak cannot be reached or refuses a read
     */
    public ProvisioningReport plan(RealmDefinition definition) {
        return run(definition, true);
    }

    private ProvisioningReport run(RealmDefinition definition, boolean planning) {
        Run run = new Run(definition, planning);
        if (run.realm()) {
            run.userProfile();
            run.requiredActions();
            run.roles();
            run.groups();
            run.clientScopes();
            run.clients();
            run.users();
        } else {
            run.everythingElseNew();
        }
        ProvisioningReport report = new ProvisioningReport(definition.realm(), planning, run.items);
        log.info("Realm {} at {}{}: {} created, {} updated, {} unchanged", definition.realm(), serverUrl,
                planning ? " (plan)" : "", report.count(Outcome.CREATED), report.count(Outcome.UPDATED),
                report.count(Outcome.UNCHANGED));
        return report;
    }

    @Override
    public void close() {
        keycloak.close();
    }

    /** One application of a definition: the realm's handle, the ids found on the way and the outcomes. */
    private final class Run {

        private final RealmDefinition definition;
        // Planning reads everything apply reads and skips every write, so both report the same items.
        private final boolean planning;
        private final String name;
        private final RealmResource realm;
        private final List<Item> items = new ArrayList<>();
        private final Map<String, String> groupIds = new HashMap<>();
        private final Map<String, String> clientScopeIds = new HashMap<>();
        private final Map<String, RoleRepresentation> roles = new HashMap<>();

        Run(RealmDefinition definition, boolean planning) {
            this.definition = definition;
            this.planning = planning;
            this.name = definition.realm();
            this.realm = keycloak.realm(name);
        }

        /** Whether the rest of the realm is there to compare with: false only when planning a new realm. */
        boolean realm() {
            ObjectNode desired = Json.tree(definition.settings());
            Optional<RealmRepresentation> existing = find("read realm " + name, realm::toRepresentation);
            RealmRepresentation representation = Json.convert(desired, RealmRepresentation.class);
            representation.setRealm(name);
            if (existing.isEmpty()) {
                change("create realm " + name, () -> keycloak.realms().create(representation));
                record(Kind.REALM, name, Outcome.CREATED, List.of());
                return !planning;
            }
            // Only the fields the definition names are sent, so Keycloak keeps everything else as it is.
            List<String> differences = Json.differences(desired, Json.tree(existing.get()));
            if (!differences.isEmpty()) {
                change("update realm " + name, () -> realm.update(representation));
            }
            record(Kind.REALM, name, differences);
            return true;
        }

        void everythingElseNew() {
            definition.userProfileAttributes().forEach(attribute ->
                    record(Kind.USER_PROFILE_ATTRIBUTE, String.valueOf(attribute.get("name")), Outcome.CREATED, List.of()));
            definition.requiredActions().forEach(action ->
                    record(Kind.REQUIRED_ACTION, action.alias(), Outcome.CREATED, List.of()));
            definition.roles().forEach(role -> record(Kind.ROLE, role.name(), Outcome.CREATED, List.of()));
            definition.groups().forEach(group -> record(Kind.GROUP, group.name(), Outcome.CREATED, List.of()));
            definition.clientScopes().forEach(scope ->
                    record(Kind.CLIENT_SCOPE, scope.name(), Outcome.CREATED, List.of()));
            definition.clients().forEach(client ->
                    record(Kind.CLIENT, client.clientId(), Outcome.CREATED, List.of()));
            definition.users().forEach(user -> record(Kind.USER, user.username(), Outcome.CREATED, List.of()));
        }

        void userProfile() {
            if (definition.userProfileAttributes().isEmpty()) {
                return;
            }
            UserProfileEndpoint endpoint = keycloak.proxy(UserProfileEndpoint.class, serverUrl);
            ObjectNode configuration = call("read the user profile of realm " + name, () -> endpoint.read(name));
            ArrayNode attributes = configuration.withArrayProperty("attributes");
            boolean changed = false;
            for (Map<String, Object> attribute : definition.userProfileAttributes()) {
                ObjectNode desired = Json.tree(attribute);
                String attributeName = desired.path("name").asText();
                int index = indexOfName(attributes, attributeName);
                if (index < 0) {
                    attributes.add(desired);
                    record(Kind.USER_PROFILE_ATTRIBUTE, attributeName, Outcome.CREATED, List.of());
                    changed = true;
                } else {
                    List<String> differences = Json.differences(desired, attributes.get(index));
                    if (!differences.isEmpty()) {
                        attributes.set(index, Json.overlay((ObjectNode) attributes.get(index), desired));
                        changed = true;
                    }
                    record(Kind.USER_PROFILE_ATTRIBUTE, attributeName, differences);
                }
            }
            if (changed) {
                change("update the user profile of realm " + name, () -> endpoint.write(name, configuration));
            }
        }

        void requiredActions() {
            if (definition.requiredActions().isEmpty()) {
                return;
            }
            Map<String, RequiredActionProviderRepresentation> registered = call("list the required actions of realm "
                    + name, () -> realm.flows().getRequiredActions()).stream()
                    .collect(Collectors.toMap(RequiredActionProviderRepresentation::getAlias, Function.identity()));
            for (RequiredAction action : definition.requiredActions()) {
                RequiredActionProviderRepresentation current = registered.get(action.alias());
                if (current == null) {
                    // Keycloak registers its built-in actions with every realm; one it lacks cannot be switched on.
                    if (action.enabled() || action.defaultAction()) {
                        throw new ProvisioningException("required action " + action.alias() + " is not registered"
                                + " in realm " + name + " of Keycloak at " + serverUrl, null);
                    }
                    record(Kind.REQUIRED_ACTION, action.alias(), List.of());
                    continue;
                }
                List<String> differences = new ArrayList<>();
                if (current.isEnabled() != action.enabled()) {
                    differences.add("enabled");
                }
                if (current.isDefaultAction() != action.defaultAction()) {
                    differences.add("defaultAction");
                }
                if (!differences.isEmpty()) {
                    current.setEnabled(action.enabled());
                    current.setDefaultAction(action.defaultAction());
                    change("update required action " + action.alias(),
                            () -> realm.flows().updateRequiredAction(action.alias(), current));
                }
                record(Kind.REQUIRED_ACTION, action.alias(), differences);
            }
        }

        void roles() {
            Map<String, RoleRepresentation> existing = call("list the roles of realm " + name,
                    () -> realm.roles().list()).stream()
                    .collect(Collectors.toMap(RoleRepresentation::getName, Function.identity()));
            for (Role role : definition.roles()) {
                RoleRepresentation current = existing.get(role.name());
                if (current == null) {
                    RoleRepresentation created = new RoleRepresentation(role.name(), role.description(), false);
                    change("create role " + role.name(), () -> realm.roles().create(created));
                    record(Kind.ROLE, role.name(), Outcome.CREATED, List.of());
                } else if (!Objects.equals(current.getDescription(), role.description())) {
                    RoleResource resource = realm.roles().get(role.name());
                    RoleRepresentation updated = call("read role " + role.name(), resource::toRepresentation);
                    updated.setDescription(role.description());
                    change("update role " + role.name(), () -> resource.update(updated));
                    record(Kind.ROLE, role.name(), List.of("description"));
                } else {
                    record(Kind.ROLE, role.name(), List.of());
                }
            }
        }

        void groups() {
            for (Group group : definition.groups()) {
                ObjectNode desired = Json.MAPPER.createObjectNode().put("name", group.name());
                if (group.description() != null) {
                    desired.put("description", group.description());
                }
                desired.set("attributes", Json.multiValued(group.attributes()));
                Optional<GroupRepresentation> existing = call("find group " + group.name(),
                        () -> realm.groups().groups(group.name(), true, 0, 10, true)).stream()
                        .filter(candidate -> ("/" + group.name()).equals(candidate.getPath()))
                        .findFirst();
                if (existing.isEmpty()) {
                    String id = add("create group " + group.name(),
                            () -> realm.groups().add(Json.convert(desired, GroupRepresentation.class)));
                    groupIds.put(group.name(), id);
                    record(Kind.GROUP, group.name(), Outcome.CREATED, List.of());
                    continue;
                }
                String id = existing.get().getId();
                groupIds.put(group.name(), id);
                GroupResource resource = realm.groups().group(id);
                ObjectNode current = Json.tree(call("read group " + group.name(), resource::toRepresentation));
                List<String> differences = Json.differences(desired, current);
                if (!differences.isEmpty()) {
                    // Keycloak replaces a group's attributes as a whole, so those it has are sent back too.
                    GroupRepresentation updated = Json.convert(Json.overlay(current, desired),
                            GroupRepresentation.class);
                    change("update group " + group.name(), () -> resource.update(updated));
                }
                record(Kind.GROUP, group.name(), differences);
            }
        }

        void clientScopes() {
            Map<String, ClientScopeRepresentation> existing = call("list the client scopes of realm " + name,
                    () -> realm.clientScopes().findAll()).stream()
                    .collect(Collectors.toMap(ClientScopeRepresentation::getName, Function.identity()));
            Set<String> defaultsForNewClients = null;
            for (ClientScope scope : definition.clientScopes()) {
                ObjectNode desired = Json.MAPPER.createObjectNode()
                        .put("name", scope.name())
                        .put("protocol", OPENID_CONNECT);
                if (scope.description() != null) {
                    desired.put("description", scope.description());
                }
                desired.set("attributes", Json.tree(scope.attributes()));

                ClientScopeRepresentation current = existing.get(scope.name());
                List<String> changes = new ArrayList<>();
                String id;
                if (current == null) {
                    id = add("create client scope " + scope.name(),
                            () -> realm.clientScopes().create(Json.convert(desired, ClientScopeRepresentation.class)));
                } else {
                    id = current.getId();
                    ObjectNode currentTree = Json.tree(current);
                    List<String> differences = Json.differences(desired, currentTree);
                    if (!differences.isEmpty()) {
                        ClientScopeRepresentation updated = Json.convert(Json.overlay(currentTree, desired),
                                ClientScopeRepresentation.class);
                        change("update client scope " + scope.name(),
                                () -> realm.clientScopes().get(id).update(updated));
                        changes.addAll(differences);
                    }
                }
                clientScopeIds.put(scope.name(), id);
                if (id == null) {
                    record(Kind.CLIENT_SCOPE, scope.name(), Outcome.CREATED, List.of());
                    continue;
                }
                changes.addAll(protocolMappers(scope, id));

                if (scope.defaultForNewClients()) {
                    if (defaultsForNewClients == null) {
                        defaultsForNewClients = call("list the default client scopes of realm " + name,
                                realm::getDefaultDefaultClientScopes).stream()
                                .map(ClientScopeRepresentation::getName).collect(Collectors.toSet());
                    }
                    if (!defaultsForNewClients.contains(scope.name())) {
                        change("make client scope " + scope.name() + " a default for new clients",
                                () -> realm.addDefaultDefaultClientScope(id));
                        changes.add("default for new clients");
                    }
                }
                if (current == null) {
                    record(Kind.CLIENT_SCOPE, scope.name(), Outcome.CREATED, List.of());
                } else {
                    record(Kind.CLIENT_SCOPE, scope.name(), changes);
                }
            }
        }

        private List<String> protocolMappers(ClientScope scope, String scopeId) {
            ProtocolMappersResource resource = realm.clientScopes().get(scopeId).getProtocolMappers();
            Map<String, ProtocolMapperRepresentation> existing = call("list the mappers of client scope "
                    + scope.name(), resource::getMappers).stream()
                    .collect(Collectors.toMap(ProtocolMapperRepresentation::getName, Function.identity()));
            List<String> changes = new ArrayList<>();
            for (ProtocolMapper mapper : scope.protocolMappers()) {
                ObjectNode desired = Json.MAPPER.createObjectNode()
                        .put("name", mapper.name())
                        .put("protocol", OPENID_CONNECT)
                        .put("protocolMapper", mapper.protocolMapper());
                desired.set("config", Json.tree(mapper.config()));
                String what = "mapper " + mapper.name() + " of client scope " + scope.name();
                ProtocolMapperRepresentation current = existing.get(mapper.name());
                if (current == null) {
                    add("create " + what,
                            () -> resource.createMapper(Json.convert(desired, ProtocolMapperRepresentation.class)));
                    changes.add("mapper " + mapper.name() + " created");
                    continue;
                }
                ObjectNode currentTree = Json.tree(current);
                List<String> differences = Json.differences(desired, currentTree);
                if (!differences.isEmpty()) {
                    ProtocolMapperRepresentation updated = Json.convert(Json.overlay(currentTree, desired),
                            ProtocolMapperRepresentation.class);
                    change("update " + what, () -> resource.update(current.getId(), updated));
                    changes.add("mapper " + mapper.name() + " " + String.join(", ", differences));
                }
            }
            return changes;
        }

        void clients() {
            for (Client client : definition.clients()) {
                String clientId = client.clientId();
                ObjectNode desired = Json.tree(client.settings()).put("clientId", clientId);
                if (!client.appUrls().isEmpty()) {
                    desired.set("redirectUris", Json.array(client.redirectUris()));
                    desired.set("webOrigins", Json.array(client.webOrigins()));
                    if (!client.postLogoutRedirectUris().isEmpty()) {
                        // Keycloak keeps several post-logout redirect URIs in one attribute, separated by ##.
                        desired.withObjectProperty("attributes").put("post.logout.redirect.uris",
                                String.join("##", client.postLogoutRedirectUris()));
                    }
                }
                List<ClientRepresentation> found = call("find client " + clientId,
                        () -> realm.clients().findByClientId(clientId));
                List<String> changes = new ArrayList<>();
                String id;
                if (found.isEmpty()) {
                    ClientRepresentation created = Json.convert(desired, ClientRepresentation.class);
                    created.setSecret(client.isPublic() ? null : client.secret());
                    id = add("create client " + clientId, () -> realm.clients().create(created));
                } else {
                    id = found.get(0).getId();
                    changes.addAll(updateClient(client, desired, realm.clients().get(id)));
                }
                if (id == null) {
                    record(Kind.CLIENT, clientId, Outcome.CREATED, List.of());
                    continue;
                }
                ClientResource resource = realm.clients().get(id);
                changes.addAll(defaultClientScopes(client, resource));
                changes.addAll(serviceAccountRoles(client, resource));
                if (found.isEmpty()) {
                    record(Kind.CLIENT, clientId, Outcome.CREATED, List.of());
                } else {
                    record(Kind.CLIENT, clientId, changes);
                }
            }
        }

        private List<String> updateClient(Client client, ObjectNode desired, ClientResource resource) {
            ObjectNode current = Json.tree(call("read client " + client.clientId(), resource::toRepresentation));
            List<String> differences = new ArrayList<>(Json.differences(desired, current));
            boolean secretDiffers = !client.isPublic() && !client.secret().equals(
                    call("read the secret of client " + client.clientId(), resource::getSecret).getValue());
            if (secretDiffers) {
                differences.add("secret");
            }
            if (!differences.isEmpty()) {
                ClientRepresentation updated = Json.convert(Json.overlay(current, desired), ClientRepresentation.class);
                if (secretDiffers) {
                    updated.setSecret(client.secret());
                }
                change("update client " + client.clientId(), () -> resource.update(updated));
            }
            return differences;
        }

        private List<String> defaultClientScopes(Client client, ClientResource resource) {
            if (client.defaultClientScopes().isEmpty()) {
                return List.of();
            }
            Set<String> present = call("list the default client scopes of client " + client.clientId(),
                    resource::getDefaultClientScopes).stream()
                    .map(ClientScopeRepresentation::getName).collect(Collectors.toSet());
            List<String> changes = new ArrayList<>();
            for (String scope : client.defaultClientScopes()) {
                if (!present.contains(scope)) {
                    change("add default client scope " + scope + " to client " + client.clientId(),
                            () -> resource.addDefaultClientScope(clientScopeIds.get(scope)));
                    changes.add("default client scope " + scope);
                }
            }
            return changes;
        }

        private List<String> serviceAccountRoles(Client client, ClientResource resource) {
            if (client.serviceAccountRealmRoles().isEmpty() && client.serviceAccountClientRoles().isEmpty()) {
                return List.of();
            }
            UserRepresentation serviceAccount = call("read the service account of client " + client.clientId(),
                    resource::getServiceAccountUser);
            RoleMappingResource mappings = realm.users().get(serviceAccount.getId()).roles();
            RoleScopeResource granted = mappings.realmLevel();
            List<String> missing = missingRoles(client.serviceAccountRealmRoles(),
                    call("list the roles of the service account of client " + client.clientId(), granted::listAll));
            if (!missing.isEmpty()) {
                change("grant roles " + missing + " to the service account of client " + client.clientId(),
                        () -> granted.add(missing.stream().map(this::role).toList()));
            }
            List<String> changes = new ArrayList<>(missing.stream().map(role -> "service-account role " + role)
                    .toList());
            client.serviceAccountClientRoles().forEach((owner, roleNames) -> {
                String ownerId = call("find client " + owner, () -> realm.clients().findByClientId(owner)).stream()
                        .findFirst()
                        .map(ClientRepresentation::getId)
                        .orElseThrow(() -> new ProvisioningException("Client " + owner + ", whose roles the service"
                                + " account of client " + client.clientId() + " is to get, does not exist", null));
                RoleScopeResource grantedOfOwner = mappings.clientLevel(ownerId);
                List<String> missingOfOwner = missingRoles(roleNames, call("list the " + owner
                        + " roles of the service account of client " + client.clientId(), grantedOfOwner::listAll));
                if (!missingOfOwner.isEmpty()) {
                    List<RoleRepresentation> wanted = missingOfOwner.stream()
                            .map(role -> call("read role " + role + " of client " + owner,
                                    () -> realm.clients().get(ownerId).roles().get(role).toRepresentation()))
                            .toList();
                    change("grant " + owner + " roles " + missingOfOwner + " to the service account of client "
                            + client.clientId(), () -> grantedOfOwner.add(wanted));
                }
                missingOfOwner.forEach(role -> changes.add("service-account role " + owner + "/" + role));
            });
            return changes;
        }

        void users() {
            for (User user : definition.users()) {
                ObjectNode desired = Json.MAPPER.createObjectNode()
                        .put("username", user.username())
                        .put("enabled", true);
                putIfPresent(desired, "firstName", user.firstName());
                putIfPresent(desired, "lastName", user.lastName());
                if (user.email() != null) {
                    // Declared accounts are real; an unverified address would stop them at the first login.
                    desired.put("email", user.email()).put("emailVerified", true);
                }
                if (!user.attributes().isEmpty()) {
                    desired.set("attributes", Json.multiValued(user.attributes()));
                }
                Optional<UserRepresentation> existing = call("find user " + user.username(),
                        () -> realm.users().searchByUsername(user.username(), true)).stream()
                        .filter(candidate -> candidate.getUsername().equalsIgnoreCase(user.username()))
                        .findFirst();
                List<String> changes = new ArrayList<>();
                String id;
                if (existing.isEmpty()) {
                    UserRepresentation created = Json.convert(desired, UserRepresentation.class);
                    created.setRequiredActions(List.of());
                    if (user.initialPassword() != null) {
                        created.setCredentials(List.of(password(user.initialPassword())));
                    }
                    id = add("create user " + user.username(), () -> realm.users().create(created));
                } else {
                    id = existing.get().getId();
                    changes.addAll(updateUser(user, desired, realm.users().get(id)));
                }
                if (id == null) {
                    record(Kind.USER, user.username(), Outcome.CREATED, List.of());
                    continue;
                }
                UserResource resource = realm.users().get(id);
                changes.addAll(memberships(user, resource));
                if (existing.isEmpty()) {
                    record(Kind.USER, user.username(), Outcome.CREATED, List.of());
                } else {
                    record(Kind.USER, user.username(), changes);
                }
            }
        }

        private List<String> updateUser(User user, ObjectNode desired, UserResource resource) {
            ObjectNode current = Json.tree(call("read user " + user.username(), resource::toRepresentation));
            List<String> differences = Json.differences(desired, current);
            if (!differences.isEmpty()) {
                // Sent with the attributes Keycloak has: an update without one of them would remove it.
                UserRepresentation updated = Json.convert(Json.overlay(current, desired), UserRepresentation.class);
                change("update user " + user.username(), () -> resource.update(updated));
            }
            return differences;
        }

        private List<String> memberships(User user, UserResource resource) {
            List<String> changes = new ArrayList<>();
            if (!user.groups().isEmpty()) {
                Set<String> memberOf = call("list the groups of user " + user.username(), () -> resource.groups())
                        .stream().map(GroupRepresentation::getPath).collect(Collectors.toSet());
                for (String group : user.groups()) {
                    if (!memberOf.contains("/" + group)) {
                        change("add user " + user.username() + " to group " + group,
                                () -> resource.joinGroup(groupIds.get(group)));
                        changes.add("member of " + group);
                    }
                }
            }
            if (!user.realmRoles().isEmpty()) {
                RoleScopeResource granted = resource.roles().realmLevel();
                List<String> missing = missingRoles(user.realmRoles(),
                        call("list the roles of user " + user.username(), granted::listAll));
                if (!missing.isEmpty()) {
                    change("grant roles " + missing + " to user " + user.username(),
                            () -> granted.add(missing.stream().map(this::role).toList()));
                    missing.forEach(role -> changes.add("role " + role));
                }
            }
            return changes;
        }

        private void change(String action, Runnable request) {
            if (!planning) {
                perform(action, request);
            }
        }

        /** The new object's id, or null when only planning. */
        private String add(String action, Supplier<Response> request) {
            return planning ? null : create(action, request);
        }

        private List<String> missingRoles(List<String> wanted, List<RoleRepresentation> granted) {
            Set<String> names = granted.stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
            return wanted.stream().filter(role -> !names.contains(role)).toList();
        }

        // A role mapping needs the role's id, which only reading the role gives.
        private RoleRepresentation role(String roleName) {
            return roles.computeIfAbsent(roleName,
                    missing -> call("read role " + roleName, () -> realm.roles().get(roleName).toRepresentation()));
        }

        private void record(Kind kind, String itemName, List<String> changes) {
            record(kind, itemName, changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED, changes);
        }

        private void record(Kind kind, String itemName, Outcome outcome, List<String> changes) {
            Item item = new Item(kind, itemName, outcome, changes);
            items.add(item);
            log.debug("{}", item);
        }
    }

    private static int indexOfName(ArrayNode attributes, String attributeName) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributeName.equals(attributes.get(i).path("name").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static CredentialRepresentation password(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(false);
        return credential;
    }

    private <T> Optional<T> find(String action, Supplier<T> request) {
        return call(action, () -> {
            try {
                return Optional.of(request.get());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Runs a creating request and returns the new object's id, which Keycloak gives only in Location. */
    private String create(String action, Supplier<Response> request) {
        return call(action, () -> {
            try (Response response = request.get()) {
                if (response.getStatus() != Response.Status.CREATED.getStatusCode()) {
                    throw new ProvisioningException(action + ": Keycloak answered " + describe(response), null);
                }
                String path = response.getLocation().getPath();
                return path.substring(path.lastIndexOf('/') + 1);
            }
        });
    }

    private void perform(String action, Runnable request) {
        call(action, () -> {
            request.run();
            return null;
        });
    }

    private <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            throw new ProvisioningException(action + ": Keycloak at " + serverUrl + " answered "
                    + describe(WebApplicationExceptionWrapper.unwrap(e).getResponse()), e);
        } catch (ProcessingException e) {
            throw new ProvisioningException(action + ": " + explain(e), e);
        }
    }

    private String explain(ProcessingException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The admin client fetches its token inside a request filter, which wraps the token endpoint's
            // refusal into the ProcessingException of whatever request came first.
            if (cause instanceof WebApplicationException refused) {
                return "signing in to Keycloak at " + serverUrl + " as " + adminUsername + " (realm master) failed: "
                        + describe(WebApplicationExceptionWrapper.unwrap(refused).getResponse())
                        + "; check the admin user name and password";
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return "cannot reach Keycloak at " + serverUrl + " (" + cause.getMessage() + ")";
            }
            if (cause instanceof SocketTimeoutException) {
                return "Keycloak at " + serverUrl + " did not answer within " + timeout.toMillis() + " ms";
            }
        }
        return "the request to Keycloak at " + serverUrl + " failed: " + failure.getMessage();
    }

    private static String describe(Response response) {
        String status = response.getStatus() + " " + response.getStatusInfo().getReasonPhrase();
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class).strip() : "";
        } catch (RuntimeException unreadable) {
            // The status alone still explains the failure; the body only adds Keycloak's wording.
            body = "";
        }
        if (body.length() > BODY_EXCERPT) {
            body = body.substring(0, BODY_EXCERPT) + "…";
        }
        return body.isEmpty() ? status : status + ": " + body;
    }
}

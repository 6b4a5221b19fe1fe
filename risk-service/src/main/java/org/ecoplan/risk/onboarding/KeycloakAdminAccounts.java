package org.ecoplan.risk.onboarding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link KeycloakAccounts} through the Admin REST API, signed in as the service account of a confidential client.
 * The admin client blocks, so every call runs on the bounded elastic scheduler, never on the event loop.
 */
@Component
class KeycloakAdminAccounts implements KeycloakAccounts, DisposableBean {

    static final String ENTERPRISE_ROLE = "enterprise";

    static final String ENTERPRISE_ID = "enterprise_id";

    static final List<String> REQUIRED_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    private final OnboardingProperties.Keycloak settings;

    private final String realm;

    /**
     * Built at the first call, on the bounded elastic scheduler like every call: building it (RESTEasy's providers,
     * an SSL context) took a few hundred milliseconds of every start-up, for a client used a few times a day.
     */
    private Keycloak keycloak;

    KeycloakAdminAccounts(OnboardingProperties properties) {
        this.settings = properties.keycloak();
        this.realm = settings.realm();
    }

    @Override
    public Mono<String> ensureEnterpriseUser(EnterpriseUser user) {
        return Mono.fromCallable(() -> ensure(user)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> disable(String username) {
        return Mono.fromRunnable(() -> {
            RealmResource realm = keycloak().realm(this.realm);
            find(realm, username).filter(found -> !Boolean.FALSE.equals(found.isEnabled()))
                .ifPresent(found -> setEnabled(realm, found, false));
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private String ensure(EnterpriseUser user) {
        RealmResource realm = keycloak().realm(this.realm);
        Optional<UserRepresentation> found = find(realm, user.username());
        found.filter(existing -> !Boolean.TRUE.equals(existing.isEnabled()))
            .ifPresent(disabled -> setEnabled(realm, disabled, true));
        String id = found.map(UserRepresentation::getId).orElseGet(() -> create(realm, user));
        // Granting a role the user holds already changes nothing, so a retry after a lost answer grants it again.
        RoleRepresentation role = realm.roles().get(ENTERPRISE_ROLE).toRepresentation();
        realm.users().get(id).roles().realmLevel().add(List.of(role));
        return id;
    }

    private static Optional<UserRepresentation> find(RealmResource realm, String username) {
        return realm.users().search(username, true).stream()
            .filter(found -> username.equals(found.getUsername()))
            .findFirst();
    }

    /** Sends the user back as found, but for {@code enabled}, so that nothing else of it changes. */
    private static void setEnabled(RealmResource realm, UserRepresentation user, boolean enabled) {
        user.setEnabled(enabled);
        realm.users().get(user.getId()).update(user);
    }

    private static String create(RealmResource realm, EnterpriseUser user) {
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.username());
        representation.setFirstName(user.name());
        representation.setEmail(user.email());
        representation.setEnabled(true);
        representation.setAttributes(Map.of(ENTERPRISE_ID, List.of(user.enterpriseId())));
        representation.setRequiredActions(REQUIRED_ACTIONS);
        try (Response response = realm.users().create(representation)) {
            if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                // Made meanwhile by another replica's attempt: take that one.
                return find(realm, user.username())
                    .map(UserRepresentation::getId)
                    .orElseThrow(() -> new IllegalStateException("Keycloak reports " + user.username()
                            + " as existing but does not find it"));
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private synchronized Keycloak keycloak() {
        if (keycloak == null) {
            keycloak = build(settings);
        }
        return keycloak;
    }

    private static Keycloak build(OnboardingProperties.Keycloak settings) {
        long timeout = settings.timeout().toMillis();
        // Without timeouts a Keycloak that accepts connections but never answers would hold a thread forever.
        jakarta.ws.rs.client.Client http = ResteasyClientClassicProvider.createClientBuilder()
            .register(JacksonProvider.class, 100)
            .connectTimeout(timeout, TimeUnit.MILLISECONDS)
            .readTimeout(timeout, TimeUnit.MILLISECONDS)
            .build();
        return KeycloakBuilder.builder()
            .serverUrl(settings.url())
            .realm(settings.realm())
            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
            .clientId(settings.clientId())
            .clientSecret(settings.clientSecret())
            .resteasyClient(http)
            .build();
    }

    @Override
    public synchronized void destroy() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}

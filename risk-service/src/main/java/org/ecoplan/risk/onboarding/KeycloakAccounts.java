package org.ecoplan.risk.onboarding;

import reactor.core.publisher.Mono;

/** The enterprise accounts in Keycloak, as the onboarding needs them. */
public interface KeycloakAccounts {

    /**
     * Makes the account unless it exists: a user with the {@code enterprise} role, the {@code enterprise_id}
     * attribute and the password and e-mail to be set at the first login. Finds the user an earlier attempt made
     * (its answer lost) instead of making a second one, and enables it should it have been disabled.
     *
     * @return Keycloak's id of the user
     */
    Mono<String> ensureEnterpriseUser(EnterpriseUser user);

    /** Disables the user of that username, if there is one: its holder can no longer sign in. */
    Mono<Void> disable(String username);

    /**
     * @param username the Keycloak username, which finds the user again
     * @param name     the contact's name, the user's first name
     * @param email    null when the contact gave none
     */
    record EnterpriseUser(String username, String name, String email, String enterpriseId) {
    }
}

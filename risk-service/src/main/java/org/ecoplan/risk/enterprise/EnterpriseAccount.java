package org.ecoplan.risk.enterprise;

import java.time.Instant;
import java.util.Locale;

/**
 * The Keycloak account of one contact person. Written {@link AccountStatus#PENDING} together with the contact, then
 * made by the onboarding, which retries a failed attempt later: the enterprise document is the outbox. A pending
 * account of an inactive enterprise, or of a contact the enterprise no longer lists, is disabled instead of made.
 *
 * @param username      the account's Keycloak username, from the enterprise id and the contact's phone, so that
 *                      a retry finds the account an earlier attempt made
 * @param userId        Keycloak's id of the user once made
 * @param attempts      failed attempts since the last success
 * @param lastError     why the last attempt failed; null after a success
 * @param nextAttemptAt when a pending account is tried again; null for at once
 */
public record EnterpriseAccount(String username, String name, String email, AccountStatus accountStatus,
        String userId, int attempts, String lastError, Instant nextAttemptAt) {

    public enum AccountStatus {
        PENDING, ACTIVE, DISABLED
    }

    static EnterpriseAccount pending(String username, Contact contact) {
        return new EnterpriseAccount(username, contact.name(), contact.email(), AccountStatus.PENDING, null, 0, null,
                null);
    }

    /** {@code e-430602-0001.13807301234}: Keycloak keeps usernames in lower case. */
    static String username(String enterpriseId, Contact contact) {
        return enterpriseId.toLowerCase(Locale.ROOT) + "." + contact.phone().replaceAll("[^0-9]", "");
    }

    /**
     * This account, or, when it is active but its holder may no longer sign in (or disabled but may again), pending
     * again for the onboarding to bring Keycloak in line. A pending account stays as it is: the onboarding decides
     * when it tries it.
     */
    EnterpriseAccount inLineWith(boolean mayUse) {
        boolean inLine = switch (accountStatus) {
            case PENDING -> true;
            case ACTIVE -> mayUse;
            case DISABLED -> !mayUse;
        };
        return inLine ? this : new EnterpriseAccount(username, name, email, AccountStatus.PENDING, userId, 0, null,
                null);
    }

    public boolean dueAt(Instant now) {
        return accountStatus == AccountStatus.PENDING && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }

    public EnterpriseAccount made(String keycloakId) {
        return new EnterpriseAccount(username, name, email, AccountStatus.ACTIVE, keycloakId, 0, null, null);
    }

    public EnterpriseAccount disabled() {
        return new EnterpriseAccount(username, name, email, AccountStatus.DISABLED, userId, 0, null, null);
    }

    public EnterpriseAccount failed(String error, Instant retryAt) {
        return new EnterpriseAccount(username, name, email, AccountStatus.PENDING, userId, attempts + 1, error,
                retryAt);
    }
}

package org.ecoplan.auth.provision;

/**
 * Keycloak refused or failed a step of {@link RealmProvisioner#apply}. Steps already done stay done; applying
 * again resumes, since every step is create-or-update.
 */
public class ProvisioningException extends RuntimeException {

    ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}

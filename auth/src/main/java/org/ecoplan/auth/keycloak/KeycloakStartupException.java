package org.ecoplan.auth.keycloak;

/** Keycloak did not become ready: it exited, or the wait ran out. The message ends with its log's last lines. */
public class KeycloakStartupException extends RuntimeException {

    KeycloakStartupException(String message) {
        super(message);
    }

    KeycloakStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

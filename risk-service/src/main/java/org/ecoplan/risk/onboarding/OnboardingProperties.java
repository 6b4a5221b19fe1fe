package org.ecoplan.risk.onboarding;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param interval       how often pending accounts are looked for
 * @param initialBackoff the wait after the first failed attempt; it doubles with every further failure
 * @param maxBackoff     the longest wait between two attempts
 * @param openFor        how long the circuit breaker stays open once Keycloak has failed too often
 */
@Validated
@ConfigurationProperties("ecoplan.onboarding")
record OnboardingProperties(
        @Valid @NotNull @DefaultValue Keycloak keycloak,
        @NotNull @DefaultValue("10s") Duration interval,
        @NotNull @DefaultValue("5s") Duration initialBackoff,
        @NotNull @DefaultValue("10m") Duration maxBackoff,
        @NotNull @DefaultValue("30s") Duration openFor) {

    /**
     * @param url          Keycloak's base URL
     * @param clientId     the confidential client whose service account may manage the realm's users
     * @param clientSecret its secret, from the environment ({@code ECOPLAN_RISK_CLIENT_SECRET})
     * @param timeout      how long one Admin REST call may take; a slower Keycloak counts as down
     */
    record Keycloak(
            @NotBlank @DefaultValue("http://localhost:8180") String url,
            @NotBlank @DefaultValue("ecoplan") String realm,
            @NotBlank @DefaultValue("ecoplan-risk-service") String clientId,
            String clientSecret,
            @NotNull @DefaultValue("5s") Duration timeout) {
    }
}

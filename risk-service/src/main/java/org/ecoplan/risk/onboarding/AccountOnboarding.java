package org.ecoplan.risk.onboarding;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.risk.enterprise.Enterprise;
import org.ecoplan.risk.enterprise.EnterpriseAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Works through the pending accounts of the enterprises' contacts: makes each in Keycloak and marks it active (or,
 * for an enterprise eco-admin has deactivated or a contact the enterprise no longer lists, disables it and marks it
 * disabled), or
 * counts the failure and tries again later, waiting longer after each failure. A circuit breaker stops calling a
 * Keycloak that keeps failing. Each outcome is one write of the enterprise, checked against its version; a write
 * that lost the race is simply retried in a later round, which finds the user already made.
 */
@Service
@EnableConfigurationProperties(OnboardingProperties.class)
public class AccountOnboarding implements SmartLifecycle {

    static final String ENTITY = "enterprise";

    private static final Logger log = LoggerFactory.getLogger(AccountOnboarding.class);

    private static final int ERROR_EXCERPT = 200;

    private final ReactiveMongoTemplate template;

    private final KeycloakAccounts accounts;

    private final AuditTrail audit;

    private final Clock clock;

    private final OnboardingProperties properties;

    private final CircuitBreaker breaker;

    private Disposable rounds;

    AccountOnboarding(ReactiveMongoTemplate template, KeycloakAccounts accounts, AuditTrail audit, Clock clock,
            OnboardingProperties properties) {
        this.template = template;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.breaker = CircuitBreaker.of("keycloak-accounts", CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .waitDurationInOpenState(properties.openFor())
            .build());
    }

    /** Tries every pending account that is due, one enterprise after the other. */
    public Mono<Void> attemptDue() {
        Query pending = Query.query(Criteria.where("accounts.accountStatus")
            .is(EnterpriseAccount.AccountStatus.PENDING.name()));
        return template.find(pending, Enterprise.class)
            .concatMap(enterprise -> attempt(enterprise.id()))
            .then();
    }

    /** Tries the due pending accounts of one enterprise. */
    public Mono<Enterprise> attempt(String enterpriseId) {
        return template.findById(enterpriseId, Enterprise.class)
            .flatMap(enterprise -> Flux.fromIterable(enterprise.accounts())
                .filter(account -> account.dueAt(clock.instant()))
                .reduce(Mono.just(enterprise), (current, account) -> current.flatMap(e -> attempt(e, account)))
                .flatMap(result -> result))
            .onErrorResume(OptimisticLockingFailureException.class, raced -> Mono.empty());
    }

    private Mono<Enterprise> attempt(Enterprise enterprise, EnterpriseAccount account) {
        KeycloakAccounts.EnterpriseUser user = new KeycloakAccounts.EnterpriseUser(account.username(),
                account.name(), account.email(), enterprise.id());
        Mono<EnterpriseAccount> synced = enterprise.mayUse(account)
                ? accounts.ensureEnterpriseUser(user).map(account::made)
                : accounts.disable(account.username()).then(Mono.fromSupplier(account::disabled));
        return synced
            .timeout(properties.keycloak().timeout())
            .transformDeferred(CircuitBreakerOperator.of(breaker))
            .onErrorResume(failure -> {
                log.warn("Account {} of enterprise {} not in line with Keycloak yet (attempt {}): {}",
                        account.username(), enterprise.id(), account.attempts() + 1, failure.toString());
                return Mono.just(account.failed(excerpt(failure),
                        clock.instant().plus(backoff(account.attempts() + 1))));
            })
            .flatMap(next -> template.save(enterprise.withAccount(next))
                .flatMap(saved -> audit.record(ENTITY, saved.id(),
                        "ACCOUNT_" + next.accountStatus(), account, next)
                    .thenReturn(saved)));
    }

    /** The breaker in front of Keycloak; tests close it again so that each starts from a healthy Keycloak. */
    CircuitBreaker breaker() {
        return breaker;
    }

    /** The wait after {@code failures} failed attempts: the initial backoff, doubled per further failure, capped. */
    Duration backoff(int failures) {
        Duration wait = properties.initialBackoff();
        for (int i = 1; i < failures && wait.compareTo(properties.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }

    private static String excerpt(Throwable failure) {
        String text = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return text.length() > ERROR_EXCERPT ? text.substring(0, ERROR_EXCERPT) : text;
    }

    @Override
    public void start() {
        rounds = Flux.interval(properties.interval())
            .onBackpressureDrop()
            .concatMap(tick -> attemptDue()
                .onErrorResume(failure -> {
                    log.warn("Onboarding round failed: {}", failure.toString());
                    return Mono.empty();
                }), 0)
            .subscribe();
    }

    @Override
    public void stop() {
        rounds.dispose();
    }

    @Override
    public boolean isRunning() {
        return rounds != null && !rounds.isDisposed();
    }
}

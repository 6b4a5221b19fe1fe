package org.ecoplan.gateway.session;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.mongodb.spring.session.config.annotation.web.reactive.EnableMongoWebSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Browser sessions (the login, its tokens, the pending login request) live in MongoDB rather than in one
 * replica's memory, so any gateway replica serves any logged-in browser and a restart logs nobody out.
 * Bearer-token requests never open a session and so never wait on MongoDB; a browser's session begins when it
 * starts to log in.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoWebSession
class SharedSessionConfiguration {

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveMongoSessionRepository> sessionStore(SessionProperties properties) {
        return sessions -> {
            sessions.setDefaultMaxInactiveInterval(properties.timeout());
            sessions.setCollectionName(properties.collection());
        };
    }

    /**
     * The cookie naming the session: {@code SESSION}, {@code HttpOnly}, {@code Secure} when the request came
     * over TLS (the ingress's {@code X-Forwarded-Proto}), and {@code SameSite=Lax}, which Spring Session's
     * default leaves out: Lax keeps the cookie off other sites' form posts yet still sends it when Keycloak's
     * login redirects back.
     */
    @Bean
    WebSessionIdResolver sessionCookie() {
        CookieWebSessionIdResolver cookie = new CookieWebSessionIdResolver();
        cookie.addCookieInitializer(builder -> builder.sameSite("Lax"));
        return cookie;
    }

    /** The driver would wait 30 s for an unreachable MongoDB; a portal request gives up much sooner. */
    @Bean
    MongoClientSettingsBuilderCustomizer sessionStoreTimeout(SessionProperties properties) {
        long millis = properties.storeTimeout().toMillis();
        return settings -> settings
            .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS));
    }

    @Bean
    SessionExpiryIndex sessionExpiryIndex(ReactiveMongoTemplate mongo, SessionProperties properties) {
        return new SessionExpiryIndex(mongo, properties.collection());
    }

    /**
     * The TTL index on {@code expireAt} (last request plus the timeout, written with every session) that lets
     * MongoDB delete sessions nobody comes back to. The library creates it only through the blocking driver,
     * which the gateway does not have. Created after start-up and retried until MongoDB answers, so a gateway
     * starting while MongoDB is down still serves bearer-token calls.
     */
    static final class SessionExpiryIndex implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(SessionExpiryIndex.class);

        static final String FIELD = "expireAt";

        private final ReactiveMongoTemplate mongo;

        private final String collection;

        private volatile Disposable creation;

        SessionExpiryIndex(ReactiveMongoTemplate mongo, String collection) {
            this.mongo = mongo;
            this.collection = collection;
        }

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            Index expiry = new Index(FIELD, Sort.Direction.ASC).named(FIELD).expire(Duration.ZERO);
            creation = mongo.indexOps(collection)
                .createIndex(expiry)
                .doOnError(ex -> log.warn("No TTL index on {}.{} yet, retrying: {}", collection, FIELD,
                        ex.getMessage()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1)))
                .subscribe();
        }

        @Override
        public void destroy() {
            Disposable running = creation;
            if (running != null) {
                running.dispose();
            }
        }
    }
}

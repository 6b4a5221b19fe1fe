package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.gateway.BrowserLogin.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mongodb.spring.session.MongoSession;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two gateway replicas on one MongoDB database: this test class's gateway and a second one started beside it. A
 * browser that logged in on one is served by the other, as behind a load balancer without session affinity.
 */
class SharedSessionTest extends GatewayTestSupport {

    private static ConfigurableApplicationContext otherReplica;

    private static WebTestClient otherReplicaClient;

    @Autowired
    MongoConnectionDetails mongo;

    @Autowired
    ReactiveMongoTemplate mongoTemplate;

    @Autowired
    ReactiveMongoSessionRepository sessions;

    private BrowserLogin browser;

    @BeforeEach
    void startOtherReplica() {
        browser = new BrowserLogin(client, KEYCLOAK);
        if (otherReplica == null) {
            Map<String, Object> properties = new HashMap<>(stubProperties());
            properties.put("spring.mongodb.uri", mongo.getConnectionString().getConnectionString());
            properties.put("server.port", 0);
            // Arguments, not default properties: those would yield to application.yml.
            // Its own Reactor Netty resources: closing a replica that owned the JVM's global ones would stop the event
            // loops the first gateway still routes on, and every later test class's routed request would hang.
            otherReplica = new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class,
                        () -> {
                            ReactorResourceFactory resources = new ReactorResourceFactory();
                            resources.setUseGlobalResources(false);
                            return resources;
                        }))
                .run(properties.entrySet()
                .stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new));
            otherReplicaClient = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + otherReplica.getEnvironment().getProperty("local.server.port"))
                .build();
        }
    }

    @AfterAll
    static void stopOtherReplica() {
        if (otherReplica != null) {
            otherReplica.close();
            otherReplica = null;
        }
    }

    @Test
    void browserLoggedInOnOneReplicaIsServedByTheOther() {
        String accessToken = KEYCLOAK.token("land-editor", PlatformRoles.BUREAU_EDITOR).department("land").encode();
        Session session = browser.logIn(accessToken, "land-editor");
        INDICATOR_SERVICE.stubFor(get(urlPathEqualTo("/api/v1/indicators")).willReturn(okJson("{\"total\":5}")));

        me(otherReplicaClient, session).json("""
                {"authenticated": true, "username": "land-editor", "roles": ["bureau-editor"],
                 "department": "land"}""", true);
        // The tokens kept in the session came along: the other replica relays the same access token.
        otherReplicaClient.get()
            .uri("/api/v1/indicators")
            .cookie(BrowserLogin.SESSION_COOKIE, session.id())
            .exchange()
            .expectStatus()
            .isOk();
        INDICATOR_SERVICE.verify(getRequestedFor(urlPathEqualTo("/api/v1/indicators"))
            .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + accessToken)));
    }

    @Test
    void loginBeganOnOneReplicaCompletesOnTheOther() {
        EntityExchangeResult<Void> redirect = browser.start();

        Session session = new BrowserLogin(otherReplicaClient, KEYCLOAK).logIn(redirect,
                KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).encode(), "viewer");

        me(client, session).jsonPath("$.username").isEqualTo("viewer");
    }

    @Test
    void loginReplacesTheSessionIdAndTheStoreForgetsTheOldOne() {
        EntityExchangeResult<Void> redirect = browser.start();
        String before = redirect.getResponseCookies().getFirst(BrowserLogin.SESSION_COOKIE).getValue();
        assertThat(stored(before)).isOne();

        Session session = browser.logIn(redirect, KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).encode(),
                "viewer");

        assertThat(session.id()).isNotEqualTo(before);
        assertThat(stored(before)).isZero();
        assertThat(stored(session.id())).isOne();
    }

    @Test
    void sessionCookieStaysHttpOnlyAndSameSiteLax() {
        // The header as sent. Attribute names are case-insensitive (RFC 6265); Netty writes HTTPOnly.
        assertThat(browser.start().getResponseHeaders().get(HttpHeaders.SET_COOKIE))
            .filteredOn(cookie -> cookie.startsWith(BrowserLogin.SESSION_COOKIE + "="))
            .singleElement()
            .satisfies(cookie -> assertThat(cookie.toLowerCase(Locale.ROOT)).contains("; httponly", "; samesite=lax")
                // Plain HTTP here; behind TLS the request's scheme is https and the cookie is marked Secure.
                .doesNotContain("secure"));
    }

    @Test
    void sessionIdleLongerThanTheTimeoutIsGone() {
        Session session = browser.logIn(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).encode(), "viewer");
        MongoSession stored = sessions.findById(session.id()).block();
        Duration timeout = stored.getMaxInactiveInterval();
        assertThat(timeout).isEqualTo(Duration.ofMinutes(30));
        stored.setLastAccessedTime(Instant.now().minus(timeout).minusSeconds(1));
        sessions.save(stored).block();
        // What MongoDB's TTL index goes by: it deletes the document once this time has passed.
        assertThat(document(session.id()).getDate("expireAt")).isBefore(Date.from(Instant.now()));

        me(otherReplicaClient, session).json("""
                {"authenticated": false}""", true);
        assertThat(stored(session.id())).isZero();
    }

    @Test
    void storeHasATimeToLiveIndexOnExpireAt() {
        // Created once the gateway is ready, in the background.
        IndexInfo expiry = Mono.defer(() -> mongoTemplate.indexOps("sessions")
            .getIndexInfo()
            .filter(index -> index.getName().equals("expireAt"))
            .next())
            .repeatWhenEmpty(100, attempts -> attempts.delayElements(Duration.ofMillis(100)))
            .block();

        assertThat(expiry).isNotNull();
        assertThat(expiry.getExpireAfter()).contains(Duration.ZERO);
    }

    @Test
    void logoutOnOneReplicaDeletesTheSessionForAll() {
        Session session = browser.logIn(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).encode(), "viewer");

        otherReplicaClient.post()
            .uri("/logout")
            .cookie(BrowserLogin.SESSION_COOKIE, session.id())
            .cookie("XSRF-TOKEN", session.csrfToken())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .bodyValue("_csrf=" + session.csrfToken())
            .exchange()
            .expectStatus()
            .isFound();

        assertThat(stored(session.id())).isZero();
        me(client, session).jsonPath("$.authenticated").isEqualTo(false);
    }

    /** Who the replica behind {@code replica} says the browser with this session's cookie is. */
    private static WebTestClient.BodyContentSpec me(WebTestClient replica, Session session) {
        return replica.get()
            .uri("/api/v1/me")
            .cookie(BrowserLogin.SESSION_COOKIE, session.id())
            .exchange()
            .expectBody();
    }

    private long stored(String sessionId) {
        return mongoTemplate.count(byId(sessionId), "sessions").block();
    }

    private Document document(String sessionId) {
        return mongoTemplate.findOne(byId(sessionId), Document.class, "sessions").block();
    }

    private static Query byId(String sessionId) {
        return Query.query(Criteria.where("_id").is(sessionId));
    }
}

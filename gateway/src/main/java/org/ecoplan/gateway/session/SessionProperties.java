package org.ecoplan.gateway.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The browser sessions every gateway replica shares through MongoDB.
 *
 * @param timeout how long a session lasts without a request; MongoDB's TTL index removes it some time after
 * @param collection the MongoDB collection holding the sessions
 * @param storeTimeout how long a request waits for MongoDB before the portal is told to retry (503)
 */
@ConfigurationProperties("ecoplan.session")
public record SessionProperties(Duration timeout, String collection, Duration storeTimeout) {
}

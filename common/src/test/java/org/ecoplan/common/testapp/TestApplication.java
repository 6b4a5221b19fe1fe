package org.ecoplan.common.testapp;

import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.common.testing.TestJwts;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A miniature EcoPlan service: common's auto-configurations plus the test support, exactly as a service's tests
 * use them. Every {@code @SpringBootTest} in this module shares its one context.
 */
@SpringBootApplication
@Import({ TestJwts.class, MongoTestConfiguration.class, TestClock.class })
public class TestApplication {
}

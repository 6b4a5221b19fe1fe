package org.ecoplan.project;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.common.testing.TestJwts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The service on an embedded MongoDB with test tokens and a hand-moved clock: one application context for the API
 * tests that change data. They share the database, so each works on projects of its own
 * ({@link ProjectFixtures#project()}) and leaves the seeded ones to the catalogue's read-only tests. Report files
 * may be 64 KB here, so that a test can exceed the limit cheaply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ecoplan.progress.attachments.max-size=64KB")
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class, TestClock.class, ProjectFixtures.class })
public @interface ProjectServiceTest {
}

package org.ecoplan.project.catalog;

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
 * The application with a hand-moved clock, for tests that change data. They share one context (and database), so
 * each works on projects of its own ({@link Fixtures#project()}) and leaves the seeded ones to ProjectApiTest.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class, TestClock.class })
public @interface ProjectServiceTest {
}

package org.ecoplan.risk;

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
import org.springframework.test.context.ActiveProfiles;

/**
 * The application with the local profile's demo enterprises (E-430602-0001 and -0002, which the enterprise
 * accounts of the tests belong to) and a hand-moved clock, for tests that change data. They share one context and
 * database, so each registers enterprises of its own ({@code Fixtures}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class, TestClock.class })
@ActiveProfiles("local")
public @interface RiskServiceTest {
}

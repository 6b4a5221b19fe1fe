package org.ecoplan.common.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The platform's one source of "now" (audit entries, idempotency keys, approvals): UTC, as DESIGN wants
 * instants. Tests define their own {@link Clock} bean (see {@code org.ecoplan.common.testing.TestClock}) and
 * this one backs off.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

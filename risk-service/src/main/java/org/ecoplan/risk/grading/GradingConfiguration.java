package org.ecoplan.risk.grading;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The standard is read once at start-up, so a broken data file stops the service instead of a request. */
@Configuration(proxyBeanMethods = false)
class GradingConfiguration {

    @Bean
    RiskGrader riskGrader() {
        return new RiskGrader(Hj941Standard.load());
    }
}

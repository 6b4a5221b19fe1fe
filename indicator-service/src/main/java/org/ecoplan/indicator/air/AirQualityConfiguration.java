package org.ecoplan.indicator.air;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The standards are read once at start-up: a data file that contradicts itself stops the service there. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AirQualityProperties.class)
class AirQualityConfiguration {

    @Bean
    AirStandards airStandards() {
        return AirStandards.load();
    }

    @Bean
    DailyEvaluation dailyEvaluation(AirStandards standards) {
        return new DailyEvaluation(standards);
    }

    @Bean
    AnnualEvaluation airAnnualEvaluation(AirStandards standards) {
        return new AnnualEvaluation(standards);
    }
}

package org.ecoplan.indicator.observation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The entry rules of observations: value ranges from their data file, the outlier rule from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObservationProperties.class)
class ObservationConfiguration {

    @Bean
    ValueRanges valueRanges() {
        return ValueRanges.standard();
    }

    @Bean
    OutlierRule outlierRule(ObservationProperties properties) {
        return new OutlierRule(properties.outliers().minimumHistory(), properties.outliers().threshold());
    }
}

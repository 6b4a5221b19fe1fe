package org.ecoplan.indicator.water;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The standards as beans, read once at start-up: a misprinted data file stops the service instead of classing
 * water wrongly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WaterQualityProperties.class)
class WaterQualityConfiguration {

    @Bean
    Gb3838Table gb3838Table() {
        return Gb3838Table.load();
    }

    /** Samples are classed as GB 3838-2002 prints its table, as the classify endpoint promises. */
    @Bean
    WaterClass waterClass(Gb3838Table table) {
        return WaterClass.perStandard(table);
    }

    /** Years are evaluated as the ministry evaluates them, by 环办〔2011〕22号. */
    @Bean
    AnnualEvaluation waterAnnualEvaluation(Gb3838Table table) {
        return new AnnualEvaluation(WaterClass.perEvaluationMethod(table, EvaluationIndicators.load()));
    }
}

package org.ecoplan.project.progress;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgressProperties.class)
class ProgressConfiguration {

    @Bean
    ScheduleAssessment scheduleAssessment(ProgressProperties properties) {
        return new ScheduleAssessment(properties.schedule());
    }
}

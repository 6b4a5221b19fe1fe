package org.ecoplan.project.portfolio;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndicatorServiceProperties.class)
class PortfolioConfiguration {
}

package org.ecoplan.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single origin of EcoPlan: serves the portal, logs browsers in through Keycloak, validates integrators'
 * bearer tokens and routes {@code /api/v1/**} to the service owning each prefix.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}

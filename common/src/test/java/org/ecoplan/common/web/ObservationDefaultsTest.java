package org.ecoplan.common.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationDefaultsTest {

    @Test
    void isRegisteredAndTurnsSecurityObservationsOffUnlessConfigured() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class, getClass().getClassLoader()))
                .contains(ObservationDefaults.class.getName());

        StandardEnvironment unset = new StandardEnvironment();
        new ObservationDefaults().postProcessEnvironment(unset, new SpringApplication());
        assertThat(unset.getProperty(ObservationDefaults.SECURITY_OBSERVATIONS)).isEqualTo("false");

        StandardEnvironment configured = new StandardEnvironment();
        configured.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of(ObservationDefaults.SECURITY_OBSERVATIONS, "true")));
        new ObservationDefaults().postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getProperty(ObservationDefaults.SECURITY_OBSERVATIONS)).as("a setting wins")
                .isEqualTo("true");
    }
}

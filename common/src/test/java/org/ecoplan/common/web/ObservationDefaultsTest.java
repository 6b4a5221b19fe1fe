package org.ecoplan.common.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationDefaultsTest {

    static final Iterable<String> READERS = ObservationDefaults.READERS;

    @Test
    void isRegisteredAndTurnsSecurityAndServerRequestObservationsOffUnlessConfigured() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class, getClass().getClassLoader()))
                .contains(ObservationDefaults.class.getName());

        StandardEnvironment unset = processed(new ObservationDefaults());
        assertThat(unset.getProperty(ObservationDefaults.SECURITY_OBSERVATIONS)).isEqualTo("false");
        assertThat(unset.getProperty(ObservationDefaults.SERVER_REQUEST_OBSERVATIONS))
                .as("no meter registry that exports, no tracing on the class path").isEqualTo("false");
        assertThat(ObservationDefaults.UNREAD).allSatisfy(property -> assertThat(unset.getProperty(property))
                .as(property).isEqualTo("false"));

        StandardEnvironment configured = new StandardEnvironment();
        configured.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of(ObservationDefaults.SECURITY_OBSERVATIONS, "true",
                        ObservationDefaults.SERVER_REQUEST_OBSERVATIONS, "true")));
        new ObservationDefaults().postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getProperty(ObservationDefaults.SECURITY_OBSERVATIONS)).as("a setting wins")
                .isEqualTo("true");
        assertThat(configured.getProperty(ObservationDefaults.SERVER_REQUEST_OBSERVATIONS)).as("a setting wins")
                .isEqualTo("true");
    }

    @ParameterizedTest
    @FieldSource("READERS")
    void serverRequestsAreObservedInABuildThatCanReadThem(String reader) {
        StandardEnvironment environment = processed(new ObservationDefaults(reader::equals));

        assertThat(environment.getProperty(ObservationDefaults.SERVER_REQUEST_OBSERVATIONS)).isNull();
        assertThat(ObservationDefaults.UNREAD).allSatisfy(property -> assertThat(environment.getProperty(property))
                .as(property).isNull());
        assertThat(environment.getProperty(ObservationDefaults.SECURITY_OBSERVATIONS)).isEqualTo("false");
    }

    private static StandardEnvironment processed(ObservationDefaults defaults) {
        StandardEnvironment environment = new StandardEnvironment();
        defaults.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}

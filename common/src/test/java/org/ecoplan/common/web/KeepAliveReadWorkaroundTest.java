package org.ecoplan.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.EnvironmentPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveReadWorkaroundTest {

    @Test
    void isRegisteredAndSetsThePropertyBeforeAnyServerStarts() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class, getClass().getClassLoader()))
                .contains(KeepAliveReadWorkaround.class.getName());
        String before = System.getProperty(KeepAliveReadWorkaround.PROPERTY);
        try {
            System.clearProperty(KeepAliveReadWorkaround.PROPERTY);
            new KeepAliveReadWorkaround().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
            assertThat(System.getProperty(KeepAliveReadWorkaround.PROPERTY)).isEqualTo("true");

            System.setProperty(KeepAliveReadWorkaround.PROPERTY, "false");
            new KeepAliveReadWorkaround().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
            assertThat(System.getProperty(KeepAliveReadWorkaround.PROPERTY)).as("an explicit setting wins").isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty(KeepAliveReadWorkaround.PROPERTY);
            } else {
                System.setProperty(KeepAliveReadWorkaround.PROPERTY, before);
            }
        }
    }
}

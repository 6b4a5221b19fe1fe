package org.ecoplan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The gateway authorizes by path alone: Spring Security's {@code @PreAuthorize} support, whose search for the
 * annotations on every bean's methods cost the gateway 0.4 s of each start, stays off (common's
 * {@code ecoplan.security.method-authorization}).
 */
class MethodAuthorizationTest extends GatewayTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void noMethodAuthorizationAdvisorIsRegistered() {
        assertThat(context.getBeansOfType(Advisor.class).values())
                .extracting(advisor -> advisor.getClass().getName())
                .noneMatch(name -> name.startsWith("org.springframework.security."));
    }
}

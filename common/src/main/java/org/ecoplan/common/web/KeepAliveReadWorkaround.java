package org.ecoplan.common.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reactor Netty can stop reading an HTTP/1.1 keep-alive connection when a request is answered before the previous
 * request's operations have terminated (reactor-netty #4361): the next request sits unread in the socket and the
 * client waits forever. Seen in the e2e suite (a portal session call through the gateway), as 30 s stalls in the
 * services' tests, and after a POST the security filter turns away before reading its body
 * ({@code KeepAliveAfterRejectionTest} stalls on Reactor Netty 1.3.6 without this). The parent pom's Reactor
 * Netty 1.3.8 fixes the cause (#4347, {@code ReactorNettyKeepAliveTest}); this stays as well, because the rejected
 * POST was reported to stall a 1.3.8 connection too, although our runs of those tests on 1.3.8 did not.
 * {@code reactor.netty.http.server.lastFlushWhenNoRead=true} terminates the previous operations before that check,
 * so such a request is dispatched instead of queued. It is read once, when the server's traffic handler class
 * loads, hence a system property set before any server starts; an explicit setting wins. Remove this once the
 * rejected POST is shown not to stall without it: {@code KeepAliveAfterRejectionTest} and indicator-service's
 * {@code AirQualityApiTest}, run repeatedly with
 * {@code -DargLine=-Dreactor.netty.http.server.lastFlushWhenNoRead=false}.
 */
public class KeepAliveReadWorkaround implements EnvironmentPostProcessor {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}

package org.ecoplan.common.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reactor Netty 1.3.6-1.3.8 (Boot 4.0.7 manages 1.3.6) can stop reading an HTTP/1.1 keep-alive connection when
 * the next request arrives before the previous request's operations have terminated (reactor-netty #4361, fixed
 * by #4347 in a release newer than those available here): the request sits unread in the socket and the client
 * waits forever. Seen in the e2e suite (a portal session call through the gateway) and as 30 s stalls in the
 * services' tests. {@code reactor.netty.http.server.lastFlushWhenNoRead=true} terminates the previous operations
 * before that check, so such a request is dispatched instead of queued. It is read once, when the server's
 * traffic handler class loads, hence a system property set before any server starts; an explicit setting wins.
 * Remove this once Boot manages a Reactor Netty with the fix.
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

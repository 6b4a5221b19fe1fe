package org.ecoplan.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.security.config.web.server.ServerHttpSecurity.HeaderSpec;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/**
 * The response headers of every gateway answer (OWASP Secure Headers, ASVS 5.0 V3.4). The portal and Swagger UI
 * load their scripts and styles from the gateway's own origin, so the policy allows no inline script and no other
 * origin except Keycloak, where the login and logout forms lead and where Swagger UI fetches client-credential
 * tokens.
 */
final class SecurityHeaders {

    /** One year, as the HSTS preload list asks; sent only on HTTPS requests (RFC 6797 forbids it on HTTP). */
    static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    private SecurityHeaders() {
    }

    static String contentSecurityPolicy(URI keycloak) {
        return String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'",
                // Swagger UI draws its icons as data: URIs.
                "img-src 'self' data:", "connect-src 'self' " + keycloak, "font-src 'self'", "object-src 'none'",
                "base-uri 'none'",
                // Browsers apply form-action to the redirects after a form too: logout continues at Keycloak.
                "form-action 'self' " + keycloak, "frame-ancestors 'none'");
    }

    static void configure(HeaderSpec headers, URI keycloak) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloak)))
            .hsts(hsts -> hsts.maxAge(HSTS_MAX_AGE).includeSubdomains(true))
            // Superseded by frame-ancestors, kept for browsers that predate CSP level 2.
            .frameOptions(frames -> frames.mode(Mode.DENY))
            // Page paths may name an enterprise or a project: they stay within the platform.
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }
}

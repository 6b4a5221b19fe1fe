package org.ecoplan.common.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeReactiveMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeReactiveAuthorizationManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;

/**
 * Every EcoPlan service is a resource server of its own (defence in depth: no service trusts the gateway's
 * checks). Unless the application defines its own {@link SecurityWebFilterChain} (the gateway does), this
 * creates one: open health/info and API docs, Keycloak JWT plus at least one platform role for {@code /api/**},
 * nothing else. The JWT decoder is Boot's, from {@code spring.security.oauth2.resourceserver.jwt.*} (or the
 * test key of {@code TestJwts}); without one the application fails at start-up rather than run unprotected. Both
 * add the audience check defined here to their own.
 * <p>
 * Ordered before Boot's resource-server and actuator security auto-configurations because those create a
 * catch-all chain of their own when they find none.
 */
@AutoConfiguration(before = { ReactiveOAuth2ResourceServerAutoConfiguration.class,
        ReactiveManagementWebSecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
        ReactiveUserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ ServerHttpSecurity.class, ReactiveJwtDecoder.class })
public class EcoResourceServerAutoConfiguration {

    /** Paths anyone may call: probes for Kubernetes and the launcher, and the published API description. */
    static final String[] PUBLIC_PATHS = { "/actuator/health/**", "/actuator/info", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/**" };

    /**
     * The {@code @PreAuthorize} rules on the services' controllers, the only method annotations they use.
     * {@code @EnableReactiveMethodSecurity} would add {@code @PreFilter}, {@code @PostAuthorize}, {@code @PostFilter}
     * and {@code @AuthorizeReturnObject} support, ten advisors in all, each of which looks through the annotations
     * of every method of every bean at start-up (0.3 s of a service's start, wall-clock profile).
     * {@code ecoplan.security.method-authorization: false} leaves even this one out where there are no rules (the
     * gateway). Boot's {@code AopAutoConfiguration} registers the proxy creator that applies it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "ecoplan.security.method-authorization", matchIfMissing = true)
    static class MethodAuthorization {

        /**
         * The rules are written in EcoPlan's own classes only, so the beans of the frameworks are not searched for
         * them: looking through every method of every bean took a service's main thread about 60 ms of each start
         * (CPU profile of indicator-service's start).
         */
        private static final ClassFilter OWN_CLASSES = type -> type.getName().startsWith("org.ecoplan.");

        /** Expressions evaluated as {@code @EnableReactiveMethodSecurity} does, beans ({@code @waterEditors}) too. */
        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor preAuthorizeAdvisor(ApplicationContext context) {
            DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
            expressions.setApplicationContext(context);
            PreAuthorizeReactiveAuthorizationManager rules = new PreAuthorizeReactiveAuthorizationManager(expressions);
            AuthorizationManagerBeforeReactiveMethodInterceptor anywhere =
                    AuthorizationManagerBeforeReactiveMethodInterceptor.preAuthorize(rules);
            AuthorizationManagerBeforeReactiveMethodInterceptor ours =
                    new AuthorizationManagerBeforeReactiveMethodInterceptor(
                            new ComposablePointcut(OWN_CLASSES).intersection(anywhere.getPointcut()), rules);
            ours.setOrder(anywhere.getOrder());
            return ours;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    KeycloakJwtAuthenticationConverter keycloakJwtAuthenticationConverter() {
        return new KeycloakJwtAuthenticationConverter();
    }

    /**
     * With Spring Security's observations switched off (common's {@code ObservationDefaults}), its filter chains,
     * authentication and authorization are not even wrapped: wrapped, they still asked the observation registry on
     * every request, about 2 % of the gateway's CPU under load.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "management.observations.enable.spring.security", havingValue = false)
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The matching security chain's filters run in turn without a checkpoint each ({@link PlainFilterChainDecorator});
     * with observations on, Spring Security's observing decorator stays.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "management.observations.enable.spring.security", havingValue = false)
    static BeanPostProcessor plainSecurityFilterChains() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setFilterChainDecorator(new PlainFilterChainDecorator());
                }
                return bean;
            }
        };
    }

    /** Spring Security's strict firewall, its header rules checked without regular expressions. */
    @Bean
    @ConditionalOnMissingBean
    ServerWebExchangeFirewall headerFirewall() {
        return HeaderFirewall.strict();
    }

    /**
     * Tokens must name the platform among their audiences, as the gateway already checks (defence in depth): a token
     * Keycloak issued to another application of the realm is refused with 401 by every service too. Boot's JWT
     * decoder adds every such validator bean to its signature, expiry and issuer checks.
     *
     * @param audience {@code ecoplan.security.audience}: by default {@code ecoplan-gateway}, which the realm's
     *        {@code ecoplan-api} client scope puts in the tokens of every platform client
     */
    @Bean
    OAuth2TokenValidator<Jwt> platformAudienceValidator(
            @Value("${ecoplan.security.audience:ecoplan-gateway}") String audience) {
        return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, named -> named != null
                && named.contains(audience));
    }

    /**
     * @param publicApiPaths {@code ecoplan.security.public-paths}: API paths a service publishes without login, such
     *        as a register the rules require the bureau to make public; none by default
     */
    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain ecoResourceServerFilterChain(ServerHttpSecurity http,
            KeycloakJwtAuthenticationConverter converter, ServerCodecConfigurer serverCodecConfigurer,
            @Value("${ecoplan.security.public-paths:}") String[] publicApiPaths) {
        return StatelessResourceServer.configure(http, converter, serverCodecConfigurer)
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(Stream.concat(Stream.of(PUBLIC_PATHS), Stream.of(publicApiPaths))
                    .toArray(String[]::new))
                .permitAll()
                .pathMatchers("/api/**")
                .hasAnyRole(PlatformRoles.ALL.toArray(String[]::new))
                .anyExchange()
                .denyAll())
            .build();
    }
}

package org.ecoplan.common.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem+json for every error of a reactive EcoPlan service. Runs before Boot's WebFlux and error
 * auto-configurations so that Boot's own problem-details advice and its JSON error handler back off.
 */
@AutoConfiguration(before = { WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ApiProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ApiExceptionHandler apiExceptionHandler(JsonMapper jsonMapper) {
        return new ApiExceptionHandler(jsonMapper);
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.dao.OptimisticLockingFailureException")
    OptimisticLockingAdvice optimisticLockingAdvice() {
        return new OptimisticLockingAdvice();
    }

    @Bean
    @ConditionalOnClass(name = { "com.mongodb.MongoException",
            "org.springframework.dao.DataAccessResourceFailureException" })
    DatabaseUnavailableAdvice databaseUnavailableAdvice() {
        return new DatabaseUnavailableAdvice();
    }

    /** Order -2: ahead of Boot's default handler (-1) and WebFlux's status-code-only handler (0). */
    @Bean
    @Order(-2)
    @ConditionalOnMissingBean(value = ErrorWebExceptionHandler.class, search = SearchStrategy.CURRENT)
    ApiErrorWebExceptionHandler apiErrorWebExceptionHandler(ServerCodecConfigurer serverCodecConfigurer) {
        return new ApiErrorWebExceptionHandler(new ProblemDetailWriter(serverCodecConfigurer));
    }
}

package org.ecoplan.risk.enterprise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Enterprises under supervision. Every platform role reads; enterprise accounts only their own. */
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseController {

    private final EnterpriseDirectory directory;

    EnterpriseController(EnterpriseDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "List the enterprises the caller may see: all of them, or an enterprise account's own")
    Mono<PageResult<Enterprise>> list(@ParameterObject @Valid PageQuery page,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return directory.list(EnterpriseScope.of(principal), page);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One enterprise by its id, e.g. E-430602-0001")
    Mono<Enterprise> get(@PathVariable String id,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return directory.byId(EnterpriseScope.of(principal), id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no enterprise with id " + id)));
    }
}

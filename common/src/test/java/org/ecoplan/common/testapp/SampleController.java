package org.ecoplan.common.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import reactor.core.publisher.Mono;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Endpoints that each provoke one kind of outcome the tests check. */
@RestController
@RequestMapping("/api/v1/samples")
class SampleController {

    static final int EXISTING_ID = 1;

    private final SampleService service;

    SampleController(SampleService service) {
        this.service = service;
    }

    enum Medium {
        AIR, WATER, SOIL
    }

    record Item(@NotBlank String name) {
    }

    record SampleRequest(@NotBlank String name, @NotNull @Positive Integer count, Medium medium, LocalDate sampledOn,
            List<@Valid Item> items) {
    }

    record Caller(EcoPrincipal fromArgument, EcoPrincipal fromContext) {
    }

    @GetMapping("/me")
    Mono<Caller> me(@AuthenticationPrincipal EcoPrincipal principal) {
        return EcoPrincipal.current().map(current -> new Caller(principal, current));
    }

    @GetMapping("/admin")
    @PreAuthorize("hasRole('eco-admin')")
    Mono<Map<String, String>> adminOnly() {
        return Mono.just(Map.of("secret", "for admins"));
    }

    @PostMapping
    Mono<SampleRequest> create(@Valid @RequestBody SampleRequest request) {
        return Mono.just(request);
    }

    @GetMapping
    Mono<PageResult<String>> list(@Valid PageQuery page) {
        return Mono.just(PageResult.of(List.of("a", "b"), 2, page));
    }

    @GetMapping("/{id}")
    Mono<Map<String, Integer>> get(@PathVariable int id) {
        if (id != EXISTING_ID) {
            return Mono.error(ApiProblem.notFound("Sample " + id + " does not exist"));
        }
        return Mono.just(Map.of("id", id));
    }

    @GetMapping("/limited")
    Mono<Integer> limited(@RequestParam("max") @Max(10) int max) {
        return Mono.just(max);
    }

    @PostMapping("/checked")
    Mono<String> checkedByService(@RequestBody SampleRequest request) {
        return Mono.fromCallable(() -> service.accept(request));
    }

    @PostMapping("/rule")
    Mono<Void> breaksRule() {
        return Mono.error(ApiProblem.unprocessable("The sample breaks two rules",
                List.of(new ApiProblem.FieldError("sampledOn", "must not be in the future"),
                        new ApiProblem.FieldError("count", "exceeds the station's capacity"))));
    }

    @GetMapping("/gone")
    Mono<Void> gone() {
        return Mono.error(new ResponseStatusException(HttpStatus.GONE, "Samples moved to the archive"));
    }

    @GetMapping("/stale")
    Mono<Void> stale() {
        return Mono.error(new OptimisticLockingFailureException("version 3 of sample 1 is gone"));
    }

    @GetMapping("/boom")
    Mono<Void> boom() {
        return Mono.error(new IllegalStateException("database password is hunter2"));
    }
}

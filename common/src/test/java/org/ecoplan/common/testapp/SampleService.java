package org.ecoplan.common.testapp;

import jakarta.validation.Valid;

import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/** Method validation outside the web layer, which reports {@code ConstraintViolationException}. */
@Service
@Validated
class SampleService {

    public String accept(@Valid SampleController.SampleRequest request) {
        return request.name();
    }
}

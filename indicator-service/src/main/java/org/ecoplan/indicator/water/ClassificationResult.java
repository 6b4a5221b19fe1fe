package org.ecoplan.indicator.water;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sample's class as the API answers it, under the names integrators code against.
 *
 * @param notClassified given parameters without a limit for this water body (total nitrogen in a river); only
 *                      present when there are some
 * @param standard      the standard the class follows
 */
public record ClassificationResult(@JsonProperty("class") WaterQualityClass waterClass,
        List<String> limitingParameters, Map<String, WaterQualityClass> parameterClasses,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notClassified, String standard) {

    static ClassificationResult of(Classification classification, StandardSource standard) {
        return new ClassificationResult(classification.waterClass(), classification.limitingParameters(),
                classification.parameterClasses(), classification.notClassified(), standard.code());
    }
}

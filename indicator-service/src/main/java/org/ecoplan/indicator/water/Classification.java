package org.ecoplan.indicator.water;

import java.util.List;
import java.util.Map;

/**
 * The single-factor class of a set of values.
 *
 * @param waterClass         the worst class among the deciding parameters; null when no given parameter decides
 * @param limitingParameters the deciding parameters of that worst class
 * @param parameterClasses   the class of each deciding parameter
 * @param referenceClasses   the class of each parameter reported apart, deciding nothing
 * @param notClassified      given parameters with no limit for this water body
 */
public record Classification(WaterQualityClass waterClass, List<String> limitingParameters,
        Map<String, WaterQualityClass> parameterClasses, Map<String, WaterQualityClass> referenceClasses,
        List<String> notClassified) {
}

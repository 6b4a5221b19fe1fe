package org.ecoplan.indicator.water;

/**
 * One thing wrong with submitted values, in the shape of the problem+json {@code errors} list.
 *
 * @param field the JSON path, e.g. {@code parameters.do}
 */
public record FieldProblem(String field, String message) {
}

package org.ecoplan.risk.enterprise;

/**
 * An enterprise's industry per GB/T 4754-2017 (国民经济行业分类).
 *
 * @param code section letter plus class digits, e.g. {@code C2662}
 * @param name the class name as the standard gives it
 */
public record Industry(String code, String name) {
}

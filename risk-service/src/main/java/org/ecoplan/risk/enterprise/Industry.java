package org.ecoplan.risk.enterprise;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An enterprise's industry per GB/T 4754-2017 (国民经济行业分类).
 *
 * @param code section letter plus class digits, e.g. {@code C2662}
 * @param name the class name as the standard gives it
 */
public record Industry(
        @NotBlank @Pattern(regexp = "[A-T][0-9]{2,4}", message = "must be a GB/T 4754-2017 code like C2662")
        String code,
        @NotBlank @Size(max = 100) String name) {
}

package org.ecoplan.common.i18n;

import java.util.Objects;

/**
 * A name as the platform shows it: Chinese first, because the plan and the bureau's documents are
 * Chinese, with an optional English rendering for integrators and visitors.
 */
public record LocalizedName(String zh, String en) {

    public LocalizedName {
        Objects.requireNonNull(zh, "zh");
    }
}

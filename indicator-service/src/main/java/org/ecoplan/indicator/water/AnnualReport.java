package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.util.List;

/**
 * The year of every monitoring site and the share worse than Class V, which feeds the plan's indicator
 * 地表水质量劣Ⅴ类水体比例 ({@code WATER-WORSE-THAN-V}).
 *
 * @param sites           monitoring sites on record
 * @param assessedSites   sites with a class this year, the share's denominator
 * @param worseThanVShare percent to one decimal; null when no site was assessed
 * @param method          how the classes and the share are computed, with the clauses
 * @param items           every site, in code order
 */
public record AnnualReport(int year, int sites, int assessedSites, int worseThanVSites, BigDecimal worseThanVShare,
        String method, List<SiteYear> items) {
}

package org.ecoplan.risk.grading;

import java.math.BigDecimal;
import java.util.Set;

import org.ecoplan.common.i18n.LocalizedName;

/**
 * 突发环境事件风险物质: a substance of HJ 941-2018 Appendix A with its critical quantity (临界量).
 *
 * @param key what clients name it by: its CAS number, suffixed only where the table lists one CAS twice
 * @param criticalQuantity in tonnes
 * @param part the part of Table A.1 it stands in (第一部分 …), which decides the media it counts for
 * @param media the media whose Q it counts in (5.1, 6.1)
 * @param verify whether the entry is recalled rather than checked against the printed table
 */
public record RiskSubstance(String key, String cas, LocalizedName name, BigDecimal criticalQuantity, int part,
        Set<Medium> media, boolean verify) {

    public RiskSubstance {
        media = Set.copyOf(media);
    }

    public boolean countsFor(Medium medium) {
        return media.contains(medium);
    }
}

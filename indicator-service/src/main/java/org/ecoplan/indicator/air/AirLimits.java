package org.ecoplan.indicator.air;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The GB 3095 concentration limits (浓度限值) in force for a period: one edition's table, or an amending edition's
 * rows over the table it amends (the 2025-12-15 drafts change only PM2.5).
 */
public final class AirLimits {

    private final StandardEdition edition;

    private final Map<Pollutant, Map<Averaging, Map<AreaClass, BigDecimal>>> limits;

    private AirLimits(StandardEdition edition, Map<Pollutant, Map<Averaging, Map<AreaClass, BigDecimal>>> limits) {
        this.edition = edition;
        this.limits = limits;
    }

    /** Reads a complete table, or an amendment whose {@code amends} header names a complete table read before. */
    static AirLimits read(String file, List<AirLimits> readBefore) {
        StandardFile data = StandardFile.read(file);
        StandardEdition edition = data.edition();
        Map<Pollutant, Map<Averaging, Map<AreaClass, BigDecimal>>> limits = new EnumMap<>(Pollutant.class);
        if (edition.amends() != null) {
            AirLimits base = readBefore.stream()
                .filter(earlier -> earlier.edition.amends() == null && earlier.edition.code().equals(edition.amends()))
                .findFirst()
                .orElseThrow(() -> data.invalid("amends " + edition.amends() + ", which is not read before it"));
            base.limits.forEach((pollutant, byAveraging) -> byAveraging.forEach((averaging, byClass) -> limits
                .computeIfAbsent(pollutant, key -> new EnumMap<>(Averaging.class))
                .put(averaging, byClass)));
        }
        for (StandardFile.Row row : data.rows()) {
            Pollutant pollutant = row.pollutantInItsUnit();
            Map<AreaClass, BigDecimal> byClass = new EnumMap<>(AreaClass.class);
            for (AreaClass areaClass : AreaClass.values()) {
                BigDecimal limit = row.decimal(areaClass.column());
                pollutant.reportedExactly(limit);
                byClass.put(areaClass, limit);
            }
            limits.computeIfAbsent(pollutant, key -> new EnumMap<>(Averaging.class))
                .put(row.averaging("averaging"), byClass);
        }
        return new AirLimits(edition, limits);
    }

    public StandardEdition edition() {
        return edition;
    }

    /** The limit, or null where the standard sets none (no annual limit for CO or O3). */
    public BigDecimal limit(Pollutant pollutant, Averaging averaging, AreaClass areaClass) {
        return limits.getOrDefault(pollutant, Map.of()).getOrDefault(averaging, Map.of()).get(areaClass);
    }
}

package org.ecoplan.indicator.air;

import java.time.LocalDate;

/**
 * One edition of a standard's table, as the header of its data file states it.
 *
 * @param code e.g. {@code GB 3095-2012}
 * @param version e.g. {@code 2012} or {@code draft-2025-12-15}
 * @param status {@code IN_FORCE}, or {@code DRAFT} for values from a draft not yet published
 * @param effectiveFrom the first day the edition applies
 * @param effectiveTo the last day it applies; null while no successor is known
 * @param amends the code of the edition whose rows this one replaces in part; null for a complete table
 * @param source the clauses the values come from
 */
public record StandardEdition(String code, String title, String version, Status status, LocalDate effectiveFrom,
        LocalDate effectiveTo, String amends, String source) {

    /** Whether the values are in force or only proposed. */
    public enum Status {
        IN_FORCE, DRAFT
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    boolean overlaps(StandardEdition other) {
        return (other.effectiveTo == null || !effectiveFrom.isAfter(other.effectiveTo))
                && (effectiveTo == null || !other.effectiveFrom.isAfter(effectiveTo));
    }
}

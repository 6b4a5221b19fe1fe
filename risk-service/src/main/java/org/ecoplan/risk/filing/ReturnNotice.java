package org.ecoplan.risk.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 一次性告知: the bureau tells the enterprise once everything missing or deficient, with a deadline to refile
 * (环发〔2015〕4号; REFERENCE §6).
 *
 * @param refileBy the last day to refile, counted in working days from the day of return
 * @param refileByEstimated whether that count crossed a year without a published calendar
 */
public record ReturnNotice(List<Deficiency> items, LocalDate refileBy, boolean refileByEstimated, Instant issuedAt,
        String issuedBy) {

    public ReturnNotice {
        items = List.copyOf(items);
    }
}

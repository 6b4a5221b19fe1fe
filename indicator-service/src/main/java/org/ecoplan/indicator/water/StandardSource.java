package org.ecoplan.indicator.water;

import java.time.LocalDate;
import java.util.List;

/**
 * Which standard a table in {@code resources/standards} comes from, as its header says.
 *
 * @param code          e.g. {@code GB 3838-2002}
 * @param effectiveTo   null while the standard is in force
 * @param clauses       the clauses the table transcribes and how, for a reviewer to check against the text
 */
public record StandardSource(String code, String title, String version, LocalDate effectiveFrom,
        LocalDate effectiveTo, List<String> clauses) {

    public StandardSource {
        clauses = List.copyOf(clauses);
    }
}

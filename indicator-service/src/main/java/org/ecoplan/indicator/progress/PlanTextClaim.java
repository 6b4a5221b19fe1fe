package org.ecoplan.indicator.progress;

import java.math.BigDecimal;
import java.util.List;

/**
 * A 2025 target as the plan's text states it, to be checked against Table 2.
 *
 * @param line the line of the plan's text file that states it
 * @param quote the words of the text, verbatim
 * @param claimedTarget the number the text promises
 */
public record PlanTextClaim(String indicatorCode, String document, int line, String section, String quote,
        BigDecimal claimedTarget) {

    /** The claims of the district's 2021-2025 plan. */
    static final String PLAN_2021_2025 = "/quality/plan-text-claims.csv";

    static List<PlanTextClaim> read(String resource) {
        return DataFile.rows(resource, "indicator_code,document,line,section,quote,claimed_target",
                List.of("document", "checked-against"))
            .stream()
            .map(row -> new PlanTextClaim(row.get(0), row.get(1), Integer.parseInt(row.get(2)), row.get(3),
                    row.get(4), new BigDecimal(row.get(5))))
            .toList();
    }
}

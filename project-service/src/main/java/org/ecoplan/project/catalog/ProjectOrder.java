package org.ecoplan.project.catalog;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;

import org.ecoplan.common.web.PageQuery;
import org.springframework.data.domain.Sort;

/**
 * The order of the project list and its export, from the {@code sort} parameter: {@code code},
 * {@code startYear}, {@code completionYear}, {@code investment} (total investment) and {@code slippage} (days
 * behind schedule today), each optionally prefixed by {@code -} for descending. Ties fall back to the code,
 * which is Table 4's order. Slippage is computed, so an order by it is applied in memory.
 */
final class ProjectOrder {

    static final Set<String> SORTABLE = Set.of("code", "startYear", "completionYear", "investment", "slippage");

    /** Codes follow Table 4, so code order is the printed order. */
    static final Sort TABLE_ORDER = Sort.by("code");

    private static final Map<String, String> STORED_FIELDS = Map.of("code", "code", "startYear", "startYear",
            "completionYear", "completionYear", "investment", "totalInvestment.amount");

    private static final Map<String, Comparator<ListedProject>> ASCENDING = Map.of(
            "code", Comparator.comparing((ListedProject listed) -> listed.project().code()),
            "startYear", Comparator.comparingInt((ListedProject listed) -> listed.project().startYear()),
            "completionYear", Comparator.comparingInt((ListedProject listed) -> listed.project().completionYear()),
            "investment", Comparator.comparing((ListedProject listed) -> listed.project().totalInvestment().amount()),
            "slippage", Comparator.comparingLong((ListedProject listed) -> listed.standing().slippageDays()));

    private final Sort sort;

    private ProjectOrder(Sort sort) {
        this.sort = sort;
    }

    /** @throws org.ecoplan.common.web.ApiProblem 400 naming a field that cannot be sorted by */
    static ProjectOrder of(String sort) {
        return new ProjectOrder(new PageQuery(null, null, sort).toSort(SORTABLE, TABLE_ORDER));
    }

    boolean readsStanding() {
        return sort.getOrderFor("slippage") != null;
    }

    /** The order for MongoDB; only for orders that do not {@link #readsStanding read the standing}. */
    Sort stored() {
        Sort stored = Sort.by(sort.stream()
                .map(order -> order.withProperty(STORED_FIELDS.get(order.getProperty())))
                .toList());
        return sort.getOrderFor("code") == null ? stored.and(TABLE_ORDER) : stored;
    }

    Comparator<ListedProject> comparator() {
        Comparator<ListedProject> comparator = (left, right) -> 0;
        for (Sort.Order order : sort.and(TABLE_ORDER)) {
            Comparator<ListedProject> ascending = ASCENDING.get(order.getProperty());
            comparator = comparator.thenComparing(order.isDescending() ? ascending.reversed() : ascending);
        }
        return comparator;
    }
}

package org.ecoplan.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Sort;

/**
 * The paging parameters of every list endpoint: {@code ?page=0&size=20&sort=name,-updatedAt}. Bind it from the
 * query string as a {@code @Valid PageQuery} argument; the {@code @Valid} is what turns {@code size=500} into a
 * 400 that names the parameter.
 *
 * @param page zero-based page number, default 0
 * @param size items per page, default {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE}
 * @param sort comma-separated field names, each optionally prefixed by {@code -} for descending; may be absent
 */
public record PageQuery(@Min(0) Integer page, @Min(1) @Max(MAX_SIZE) Integer size, String sort) {

    public static final int DEFAULT_SIZE = 20;

    /** Large enough for a full table of the plan's indicators, small enough to keep one response cheap. */
    public static final int MAX_SIZE = 200;

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
        sort = sort == null || sort.isBlank() ? null : sort.strip();
    }

    /** The first page with the default size and no sort. */
    public static PageQuery first() {
        return new PageQuery(null, null, null);
    }

    /** How many items the pages before this one hold: the {@code skip} of the query. */
    public long offset() {
        return (long) page * size;
    }

    /**
     * The requested sort, restricted to fields the endpoint allows (clients must not sort on unindexed or
     * internal fields); {@code fallback} when no sort was requested.
     *
     * @throws ApiProblem 400 naming the first field that is not allowed
     */
    public Sort toSort(Set<String> allowedFields, Sort fallback) {
        if (sort == null) {
            return fallback;
        }
        List<Sort.Order> orders = new ArrayList<>();
        for (String item : sort.split(",")) {
            String token = item.strip();
            boolean descending = token.startsWith("-");
            String field = descending ? token.substring(1) : token;
            if (!allowedFields.contains(field)) {
                throw ApiProblem.badRequest("Cannot sort by '" + field + "'",
                        List.of(new ApiProblem.FieldError("sort",
                                "must list fields from " + allowedFields.stream().sorted().toList()
                                        + ", each optionally prefixed by '-' for descending order")));
            }
            orders.add(descending ? Sort.Order.desc(field) : Sort.Order.asc(field));
        }
        return Sort.by(orders);
    }
}

package org.ecoplan.common.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint's answer.
 *
 * @param items the items of this page
 * @param total how many items all pages hold together
 * @param page the zero-based page number this is
 * @param size the page size that was asked for
 */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public PageResult {
        items = List.copyOf(items);
    }

    public static <T> PageResult<T> of(List<T> items, long total, PageQuery query) {
        return new PageResult<>(items, total, query.page(), query.size());
    }

    /** The same page with each item mapped, typically from a document to its response record. */
    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }
}

package org.ecoplan.common.mongo;

import java.util.Set;

import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** Answers a list endpoint's {@link PageQuery} from one collection. */
public final class MongoPages {

    private MongoPages() {
    }

    /**
     * The requested page of the documents matching {@code filter}, with the total over all pages.
     *
     * @param sortable fields a client may sort on (see {@link PageQuery#toSort})
     * @param defaultOrder the order without a {@code sort} parameter; end it with a unique field so that
     *        pages neither repeat nor skip documents
     */
    public static <T> Mono<PageResult<T>> find(ReactiveMongoTemplate template, Class<T> type, Criteria filter,
            PageQuery page, Set<String> sortable, Sort defaultOrder) {
        return Mono.defer(() -> {
            Query pageQuery = new Query(filter)
                    .with(page.toSort(sortable, defaultOrder))
                    .skip(page.offset())
                    .limit(page.size());
            // Both run at once, on two pooled connections; that is fine on MongoDB and on mongo-java-server. The
            // answer then comes from a driver thread, which once exposed a Reactor Netty keep-alive bug (see the
            // root pom), not a problem of this query.
            return Mono.zip(template.find(pageQuery, type).collectList(), template.count(new Query(filter), type));
        }).map(found -> PageResult.of(found.getT1(), found.getT2(), page));
    }
}

package org.ecoplan.common.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads reference data (the plan's tables, demo content) so that any number of starts, by any number of
 * replicas, leave one document per natural key and never touch a document that is already there: users
 * may have edited it since.
 *
 * <p>A unique index on the key decides, not a read-then-insert, because two replicas starting together
 * would both read "absent". The keys already there are read first all the same, in one query: on every start
 * but the first that is all of them, and an insert refused for each, with its exception, cost a cold service
 * half a second of its start-up. Nothing here relies on {@code auto-index-creation} or on behaviour specific
 * to the embedded server.
 */
public final class NaturalKeySeeder {

    private static final Logger log = LoggerFactory.getLogger(NaturalKeySeeder.class);

    private final ReactiveMongoTemplate template;
    private final JsonMapper mapper;

    public NaturalKeySeeder(ReactiveMongoTemplate template, JsonMapper mapper) {
        this.template = template;
        this.mapper = mapper;
    }

    /** Reads a seed file holding a JSON array of {@code type}. */
    public <T> List<T> read(Resource file, Class<T> type) {
        try (InputStream in = file.getInputStream()) {
            return mapper.readValue(in, mapper.getTypeFactory().constructCollectionType(List.class, type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + file, e);
        }
    }

    /**
     * Creates the unique index on {@code naturalKey} (also when there is nothing to seed: the index guards
     * documents created later through the API), then inserts every document whose key is not taken yet.
     * Emits the number of documents inserted.
     *
     * @param naturalKey a top-level field, named as stored
     */
    public <T> Mono<Long> insertMissing(Class<T> type, String naturalKey, List<T> documents) {
        List<Object> keys = documents.stream().map(document -> keyOf(document, naturalKey)).toList();
        return template.indexOps(type)
                .createIndex(new Index(naturalKey, Sort.Direction.ASC).unique())
                .then(keysTaken(type, naturalKey, keys))
                .flatMapMany(taken -> Flux.range(0, documents.size())
                        .filter(index -> !taken.contains(keys.get(index)))
                        .map(documents::get))
                .concatMap(this::insertUnlessTaken)
                .reduce(0L, Long::sum)
                .doOnNext(inserted -> log.info("{}: {} of {} seed documents were missing and are now inserted",
                        template.getCollectionName(type), inserted, documents.size()));
    }

    private Mono<Set<Object>> keysTaken(Class<?> type, String naturalKey, List<Object> keys) {
        return template.findDistinct(Query.query(Criteria.where(naturalKey).in(keys)), naturalKey, type, Object.class)
                .collect(Collectors.toSet());
    }

    private Object keyOf(Object document, String naturalKey) {
        Document stored = new Document();
        template.getConverter().write(document, stored);
        return stored.get(naturalKey);
    }

    private <T> Mono<Long> insertUnlessTaken(T document) {
        return template.insert(document)
                .thenReturn(1L)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(0L));
    }
}

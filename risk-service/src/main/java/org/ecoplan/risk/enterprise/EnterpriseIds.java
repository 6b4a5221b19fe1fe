package org.ecoplan.risk.enterprise;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Gives each new enterprise the next id {@code E-<county>-<serial>}: a counter document per county is incremented
 * with findAndModify, and the unique {@code _id} of the enterprise decides. On MongoDB the increment alone is
 * atomic; on the embedded server it is not (STACK-NOTES), so an id that turns out taken is skipped and the next one
 * drawn. Serials are never reused, also not those of failed attempts.
 */
@Component
class EnterpriseIds {

    /** Collisions happen only under concurrent creation on the embedded server; a handful of draws resolves them. */
    private static final int ATTEMPTS = 10;

    private static final Pattern SERIAL = Pattern.compile("E-[0-9]{6}-([0-9]+)");

    @Document("counters")
    record Counter(@Id String id, long serial) {
    }

    private final ReactiveMongoTemplate template;

    private final String county;

    EnterpriseIds(ReactiveMongoTemplate template, EnterpriseProperties properties) {
        this.template = template;
        this.county = properties.county();
    }

    /**
     * Inserts the enterprise {@code withId} builds under the next free id.
     *
     * @param ifTaken what to answer when the insert clashes on something other than the id (the credit code)
     */
    Mono<Enterprise> insert(Function<String, Enterprise> withId, Mono<Enterprise> ifTaken) {
        return insert(withId, ifTaken, ATTEMPTS);
    }

    private Mono<Enterprise> insert(Function<String, Enterprise> withId, Mono<Enterprise> ifTaken, int attemptsLeft) {
        return next().flatMap(id -> template.insert(withId.apply(id))
            .onErrorResume(DuplicateKeyException.class, clash -> template.exists(idQuery(id), Enterprise.class)
                .flatMap(idTaken -> {
                    if (!idTaken) {
                        return ifTaken;
                    }
                    return attemptsLeft > 1 ? insert(withId, ifTaken, attemptsLeft - 1) : Mono.error(clash);
                })));
    }

    Mono<String> next() {
        return template.findAndModify(idQuery(counterId()), new Update().inc("serial", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class)
            // Two first-ever upserts may race on the counter's _id; the loser simply increments the winner's.
            .retryWhen(Retry.max(1).filter(DuplicateKeyException.class::isInstance))
            .map(counter -> "E-" + county + "-" + String.format("%04d", counter.serial()));
    }

    /** Moves the counter past an id assigned elsewhere (seed data), so that it is never handed out again. */
    Mono<Void> reserve(String id) {
        Matcher matcher = SERIAL.matcher(id);
        if (!matcher.matches() || !id.startsWith("E-" + county + "-")) {
            return Mono.empty();
        }
        return template.upsert(idQuery(counterId()), new Update().max("serial", Long.parseLong(matcher.group(1))),
                Counter.class).then();
    }

    private String counterId() {
        return "enterprise-" + county;
    }

    private static Query idQuery(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}

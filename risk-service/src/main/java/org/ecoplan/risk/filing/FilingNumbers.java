package org.ecoplan.risk.filing;

import java.time.Clock;
import java.time.Instant;

import org.ecoplan.risk.grading.RiskLevel;
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
 * Issues filing numbers: the serial is unique per county and year and never reused, also when reviewers accept
 * filings at the same moment.
 * <p>
 * A counter per county and year is raised with one {@code findAndModify $inc}; the number it yields is then
 * claimed by inserting it under its serial key as {@code _id} into {@value #ISSUED}. The unique {@code _id} is
 * what decides: should two accepts ever get the same serial (the embedded server's {@code $inc} is not atomic; on
 * MongoDB two first upserts of a counter may collide), the loser's insert fails and it draws again. A claimed
 * serial stays claimed even if the filing's own update then fails, so a number is never issued twice; such a
 * serial is simply not used.
 */
@Component
class FilingNumbers {

    static final String COUNTERS = "filing_serial_counters";

    static final String ISSUED = "filing_numbers";

    /** Far above any realistic collision count; reaching it means something else is wrong. */
    private static final int ATTEMPTS = 50;

    private final ReactiveMongoTemplate template;

    private final Clock clock;

    FilingNumbers(ReactiveMongoTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
    }

    /** The counter of one county and year: the last serial drawn. */
    @Document(COUNTERS)
    record SerialCounter(@Id String id, int last) {
    }

    /**
     * An issued number, under its serial key so that the serial is unique whatever level letter it carries.
     *
     * @param number the full number, e.g. {@code 430602-2026-007-M}
     */
    @Document(ISSUED)
    record IssuedNumber(@Id String serialKey, String number, String filingId, Instant issuedAt) {
    }

    Mono<FilingNumber> issue(String countyCode, int year, RiskLevel level, boolean crossRegion, String filingId) {
        Query counter = Query.query(Criteria.where("_id").is(countyCode + "-" + year));
        return Mono.defer(() -> template.findAndModify(counter, new Update().inc("last", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), SerialCounter.class))
            .map(drawn -> new FilingNumber(countyCode, year, drawn.last(), level, crossRegion))
            .flatMap(number -> template.insert(new IssuedNumber(number.serialKey(), number.toString(), filingId,
                    clock.instant())).thenReturn(number))
            .retryWhen(Retry.max(ATTEMPTS).filter(DuplicateKeyException.class::isInstance));
    }
}

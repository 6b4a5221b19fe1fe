package org.ecoplan.indicator.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.indicator.catalog.Fixtures;
import org.ecoplan.indicator.catalog.Indicator;
import org.ecoplan.indicator.catalog.IndicatorServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * A process killed at each step of a bulk import, played by writing what it would have left behind: the recovery
 * at start-up and a retry of the same import must end with every row exactly once, or with none.
 */
@IndicatorServiceTest
class StagedImportsTest {

    private static final EcoPrincipal EDITOR = new EcoPrincipal("editor-subject", "env-editor", Set.of(),
            Optional.of("env"), Optional.empty());

    private static final int ROWS = 40;

    @Autowired
    private StagedImports staged;

    @Autowired
    private Observations observations;

    @Autowired
    private ReactiveMongoTemplate template;

    @Autowired
    private TestClock clock;

    private Indicator indicator;

    private String importId;

    @BeforeEach
    void newImport() {
        indicator = Fixtures.indicator(template, "env", "%");
        importId = UUID.randomUUID().toString();
    }

    @Test
    void storedImportIsPublishedWholeWithOneAuditEntryPerRowAndNothingLeftInStaging() {
        List<Observation> stored = staged.store(importId, Mono.just(rows())).block();

        assertThat(stored).hasSize(ROWS);
        assertThat(published()).isEqualTo(ROWS);
        assertThat(audited()).isEqualTo(ROWS);
        assertThat(stagedRows()).isZero();
    }

    @Test
    void killedWhileStagingLeavesNothingVisibleAndTheRetryStoresEveryRowOnce() {
        template.insert(rows().subList(0, 15), StagedImports.STAGING).blockLast();

        staged.recover().block();
        assertThat(published()).as("nothing was committed").isZero();

        staged.store(importId, Mono.just(rows())).block();
        assertThat(published()).isEqualTo(ROWS);
        assertThat(stagedRows()).isZero();
    }

    @Test
    void killedAfterTheCommitIsPublishedWholeAtStartUp() {
        commitWithoutPublishing();

        staged.recover().block();

        assertThat(published()).isEqualTo(ROWS);
        assertThat(audited()).isEqualTo(ROWS);
        assertThat(stagedRows()).isZero();
    }

    @Test
    void killedHalfWayThroughPublishingIsCompletedOnceByTheRetryWithoutStagingAgain() {
        commitWithoutPublishing();
        template.insertAll(rows().subList(0, 25)).blockLast();

        List<Observation> stored = staged.store(importId, Mono.error(new AssertionError("staged again"))).block();
        staged.recover().block();

        assertThat(stored).hasSize(ROWS);
        assertThat(published()).isEqualTo(ROWS);
        assertThat(audited()).as("the rows published before the crash were audited then, not now").isEqualTo(15);
    }

    @Test
    void stagedRowsNobodyCommittedAreSweptOnceAbandonedButNotWhileAnImportMayStillRun() {
        template.insert(rows(), StagedImports.STAGING).blockLast();

        staged.recover().block();
        assertThat(stagedRows()).isEqualTo(ROWS);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        staged.recover().block();
        assertThat(stagedRows()).isZero();
        assertThat(published()).isZero();
    }

    private void commitWithoutPublishing() {
        template.insert(rows(), StagedImports.STAGING).blockLast();
        template.insert(new ImportBatch(importId, ROWS, clock.instant(), false)).block();
    }

    private List<Observation> rows() {
        return IntStream.rangeClosed(1, ROWS)
            .mapToObj(line -> observations.submitted(importId + "-" + line, indicator,
                    new ObservationEntry(new Period(2000 + line, null), BigDecimal.valueOf(line), "监测站", "月报",
                            null),
                    Optional.empty(), importId, EDITOR, null))
            .toList();
    }

    private long published() {
        return template.count(Query.query(Criteria.where("indicatorCode").is(indicator.code())), Observation.class)
            .block();
    }

    private long audited() {
        return template.count(Query.query(Criteria.where("entityId").regex("^" + importId).and("action")
            .is("SUBMITTED")), "audit").block();
    }

    private long stagedRows() {
        return template.count(Query.query(Criteria.where("importId").is(importId)), StagedImports.STAGING).block();
    }
}

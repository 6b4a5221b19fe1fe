package org.ecoplan.common.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

@WithTestApplication
class AuditTrailTest {

    record Station(String code, String name, BigDecimal latitude) {
    }

    @Autowired
    AuditTrail trail;

    @Autowired
    TestClock clock;

    final EcoPrincipal editor = new EcoPrincipal("sub-1", "env-editor", Set.of("bureau-editor"),
            Optional.of("env"), Optional.empty());

    @Test
    void recordsWhoWhenWhatAndBothSnapshots() {
        String code = "S-" + UUID.randomUUID();
        Station before = new Station(code, "君山岛", new BigDecimal("29.37"));
        Station after = new Station(code, "君山岛站", new BigDecimal("29.370"));

        AuditEntry entry = trail.record("station", code, "UPDATED", before, after)
            .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new TestingAuthenticationToken(editor, null)))
            .block();

        assertThat(entry.actor()).isEqualTo(new AuditEntry.Actor("sub-1", "env-editor"));
        assertThat(entry.at()).isEqualTo(clock.instant());
        AuditEntry stored = history(code).items().get(0);
        assertThat(stored.action()).isEqualTo("UPDATED");
        assertThat(stored.actor()).isEqualTo(entry.actor());
        assertThat(stored.at()).isEqualTo(clock.instant());
        assertThat(stored.before()).containsEntry("name", "君山岛").containsEntry("code", code);
        assertThat(stored.after()).containsEntry("name", "君山岛站");
        assertThat(new BigDecimal(stored.after().get("latitude").toString())).isEqualByComparingTo("29.37");
    }

    @Test
    void changeOutsideARequestIsTheSystems() {
        String code = "S-" + UUID.randomUUID();
        AuditEntry entry = trail.record("station", code, "CREATED", null, new Station(code, "x", null)).block();

        assertThat(entry.actor()).isEqualTo(AuditEntry.Actor.SYSTEM);
        assertThat(history(code).items().get(0).before()).isNull();
    }

    @Test
    void historyIsOneRecordsNewestFirst() {
        String code = "S-" + UUID.randomUUID();
        trail.record("station", code, "CREATED", null, new Station(code, "a", null)).block();
        clock.advance(Duration.ofMinutes(1));
        trail.record("station", code, "UPDATED", new Station(code, "a", null), new Station(code, "b", null)).block();
        clock.advance(Duration.ofMinutes(1));
        trail.record("station", code, "DELETED", new Station(code, "b", null), null).block();
        trail.record("station", "S-other", "CREATED", null, new Station("S-other", "c", null)).block();
        trail.record("site", code, "CREATED", null, new Station(code, "d", null)).block();

        PageResult<AuditEntry> history = history(code);
        assertThat(history.total()).isEqualTo(3);
        assertThat(history.items()).extracting(AuditEntry::action).containsExactly("DELETED", "UPDATED", "CREATED");
    }

    private PageResult<AuditEntry> history(String code) {
        return trail.history("station", code, PageQuery.first()).block();
    }
}

package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.testing.BotHarness;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wired bot purges its audit trail once a day, by AUDIT_RETENTION, as part of its housekeeping. */
class RetentionIT {
    private BotHarness bot;

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
    }

    @Test
    void housekeeping_afterTheRetention_purgesTheAuditTrail_andSaysSoInIt() throws Exception {
        // GIVEN 30 days of retention and a denied command in the audit trail
        bot = BotHarness.withEnv(Map.of("AUDIT_RETENTION", "30d"));
        bot.housekeeping(); // today's purge: nothing to do yet
        bot.storage.audit().record(new AuditEvent(bot.clock.instant(), "U1", "restart", Optional.empty(), "denied", "old news"));

        // WHEN 29 days pass, then two more
        bot.clock.advance(Duration.ofDays(29));
        bot.housekeeping();
        boolean keptAt29 = details().contains("old news");
        bot.clock.advance(Duration.ofDays(2));
        bot.housekeeping();

        // THEN it was kept within the retention, and is gone after it, with the purge itself on record
        assertThat(keptAt29).isTrue();
        assertThat(details()).doesNotContain("old news");
        assertThat(bot.storage.audit().latest(Optional.empty(), 10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("purge"));
    }

    private String details() {
        return bot.storage.audit().latest(Optional.empty(), 100).stream().map(AuditEvent::detail).toList().toString();
    }
}

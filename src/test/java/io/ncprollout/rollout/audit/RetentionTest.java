package io.ncprollout.rollout.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.tracking.StoreUnavailableException;
import io.ncprollout.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the purge runs (once a day) and what it is asked to delete (everything that ended before now - keep). */
class RetentionTest {
    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final List<Instant> cutoffs = new ArrayList<>();
    private final Retention retention = new Retention(Duration.ofDays(400), cutoff -> {
        cutoffs.add(cutoff);
        return new Retention.Purged(1, 2, 3, 4);
    }, clock);

    @Test
    void due_neverRan_isDue() {
        assertThat(Retention.due(Optional.empty(), clock.instant())).isTrue();
    }

    @Test
    void due_aDayAfterTheLastRun_isDue_notBefore() {
        Instant last = clock.instant();

        assertThat(Retention.due(Optional.of(last), last.plus(Duration.ofHours(23)))).isFalse();
        assertThat(Retention.due(Optional.of(last), last.plus(Duration.ofDays(1)))).isTrue();
    }

    @Test
    void runIfDue_purgesWhatEndedBeforeTheRetention_onceADay() {
        Optional<Retention.Purged> first = retention.runIfDue();
        clock.advance(Duration.ofHours(12));
        Optional<Retention.Purged> sameDay = retention.runIfDue();
        clock.advance(Duration.ofHours(12));
        Optional<Retention.Purged> nextDay = retention.runIfDue();

        assertThat(first).hasValueSatisfying(p -> assertThat(p.total()).isEqualTo(10));
        assertThat(sameDay).isEmpty();
        assertThat(nextDay).isPresent();
        assertThat(cutoffs).containsExactly(Instant.parse("2025-10-18T10:00:00Z"), Instant.parse("2025-10-19T10:00:00Z"));
    }

    @Test
    void runIfDue_storeDown_triesAgainOnTheNextCall() {
        Retention failing = new Retention(Duration.ofDays(1), cutoff -> {
            throw new StoreUnavailableException("down", null);
        }, clock);

        assertThatThrownBy(failing::runIfDue).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(failing::runIfDue).isInstanceOf(StoreUnavailableException.class);
    }
}

package io.ncprollout.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollerHeartbeatTest {
    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final PollerHeartbeat heartbeat = new PollerHeartbeat(clock, Duration.ofMinutes(1));

    @Test
    void check_beforeTheFirstCycleWithinGrace_isUp() {
        clock.advance(Duration.ofSeconds(30));

        assertThat(heartbeat.check().up()).isTrue();
        assertThat(heartbeat.check().detail()).contains("no poll cycle yet");
    }

    @Test
    void check_recentCycle_isUp() {
        clock.advance(Duration.ofMinutes(5));
        heartbeat.cycleStarted(clock.instant());
        clock.advance(Duration.ofSeconds(10));

        assertThat(heartbeat.check()).isEqualTo(HealthCheck.Result.up("last poll cycle 10s ago"));
    }

    @Test
    void check_noCycleForLongerThanStaleAfter_isDown() {
        heartbeat.cycleStarted(clock.instant());
        clock.advance(Duration.ofSeconds(61));

        assertThat(heartbeat.check().up()).isFalse();
        assertThat(heartbeat.check().detail()).contains("stuck or stopped");
    }
}

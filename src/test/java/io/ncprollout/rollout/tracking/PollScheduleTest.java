package io.ncprollout.rollout.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final Instant BOOT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void every_shortInterval_backsOffToTwoMinutesAtMost() {
        PollSchedule schedule = PollSchedule.every(Duration.ofSeconds(15), BOOT);

        assertThat(schedule.backOff().delayAfter(0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(schedule.backOff().delayAfter(30)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.startedAt()).isEqualTo(BOOT);
    }

    @Test
    void every_longInterval_backsOffToEightIntervals() {
        assertThat(PollSchedule.every(Duration.ofMinutes(1), BOOT).backOff().delayAfter(30)).isEqualTo(Duration.ofMinutes(8));
    }
}

package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OncePerTest {
    private final AtomicLong nanos = new AtomicLong();
    private final OncePer hourly = new OncePer(Duration.ofHours(1), nanos::get);

    @Test
    void due_onceAPeriodPerKey() {
        // GIVEN a warning about U1 just said
        assertThat(hourly.due("U1")).isTrue();

        // WHEN it repeats within the hour, THEN it is not due; another user's is
        nanos.addAndGet(Duration.ofMinutes(59).toNanos());
        assertThat(hourly.due("U1")).isFalse();
        assertThat(hourly.due("U2")).isTrue();

        // WHEN the hour has passed, THEN it is due once more
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(hourly.due("U1")).isTrue();
        assertThat(hourly.due("U1")).isFalse();
    }
}

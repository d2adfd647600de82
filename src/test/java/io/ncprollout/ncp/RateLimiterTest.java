package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long MS = 1_000_000L;

    @Test
    void reserve_noBurst_spacesRequestsOneIntervalApart() {
        RateLimiter limiter = new RateLimiter(20, 1);

        // GIVEN three requests at the same instant, THEN they wait 0, 50 and 100 ms
        assertThat(limiter.reserve(1_000 * MS)).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve(1_000 * MS)).isEqualTo(Duration.ofMillis(50));
        assertThat(limiter.reserve(1_000 * MS)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void reserve_afterIdleTime_doesNotSaveUpMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 2);
        limiter.reserve(0);

        // WHEN a long pause is followed by three requests at once, THEN only two go at once
        assertThat(limiter.reserve(60_000 * MS)).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve(60_000 * MS)).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve(60_000 * MS)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void reserve_requestsArrivingSlowerThanTheRate_neverWait() {
        RateLimiter limiter = new RateLimiter(20, 1);

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.reserve(i * 60 * MS)).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void reserve_negativeTickerReadings_areHandledAsMonotonic() {
        RateLimiter limiter = new RateLimiter(20, 1);

        assertThat(limiter.reserve(-5_000 * MS)).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve(-5_000 * MS)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void unlimited_neverWaits() {
        RateLimiter limiter = RateLimiter.unlimited();

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.reserve(0)).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void constructor_zeroRateOrBurst_isRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

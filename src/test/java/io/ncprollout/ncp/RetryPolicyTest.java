package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void delayBeforeRetry_randomNearOne_followsDoublingCeilingsUpToCap() {
        // GIVEN the default policy (500 ms base, 8 s cap) and the largest random number
        // WHEN the delays after 1..7 failures are computed
        // THEN they double from 500 ms and stop growing at 8 s
        assertThat(delays(1.0)).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L);
    }

    @Test
    void delayBeforeRetry_randomZero_isZero() {
        assertThat(delays(0.0)).containsOnly(0L);
    }

    @Test
    void delayBeforeRetry_randomHalf_isHalfOfCeiling() {
        assertThat(delays(0.5)).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 4000L, 4000L);
    }

    @Test
    void delayBeforeRetry_manyFailures_doesNotOverflow() {
        assertThat(policy.delayBeforeRetry(10_000, 0.999, Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void delayBeforeRetry_retryAfterPresent_winsOverBackOff() {
        // GIVEN a server that asked for 3 s, WHEN the delay is computed, THEN it is exactly 3 s
        assertThat(policy.delayBeforeRetry(1, 0.1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        // also above the back-off cap, which bounds only computed delays
        assertThat(policy.delayBeforeRetry(1, 0.1, Optional.of(Duration.ofSeconds(20)))).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void delayBeforeRetry_hugeOrNegativeRetryAfter_isClamped() {
        assertThat(policy.delayBeforeRetry(1, 0.1, Optional.of(Duration.ofHours(1)))).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
        assertThat(policy.delayBeforeRetry(1, 0.1, Optional.of(Duration.ofSeconds(-5)))).isEqualTo(Duration.ZERO);
    }

    @Test
    void canRetry_defaultPolicy_allowsFourAttemptsInTotal() {
        assertThat(policy.canRetry(1)).isTrue();
        assertThat(policy.canRetry(3)).isTrue();
        assertThat(policy.canRetry(4)).isFalse();
        assertThat(RetryPolicy.noRetries().canRetry(1)).isFalse();
    }

    @Test
    void constructor_invalidValues_areRejected() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.delayBeforeRetry(0, 0.5, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.delayBeforeRetry(1, 1.5, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<Long> delays(double random01) {
        java.util.List<Long> millis = new java.util.ArrayList<>();
        for (int failed = 1; failed <= 7; failed++) {
            millis.add(policy.delayBeforeRetry(failed, random01, Optional.empty()).toMillis());
        }
        return millis;
    }
}

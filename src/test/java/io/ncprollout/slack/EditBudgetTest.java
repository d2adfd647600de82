package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EditBudgetTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void tryTake_limitReachedWithinTheWindow_refusesUntilTheOldestLeavesIt() {
        EditBudget budget = new EditBudget(2, Duration.ofMinutes(1));

        assertThat(budget.tryTake(T0)).isTrue();
        assertThat(budget.tryTake(T0.plusSeconds(10))).isTrue();
        assertThat(budget.tryTake(T0.plusSeconds(59))).isFalse();
        assertThat(budget.tryTake(T0.plusSeconds(60))).isTrue();   // the edit at T0 left the window
        assertThat(budget.tryTake(T0.plusSeconds(65))).isFalse();  // T0+10 and T0+60 are still in it
    }

    @Test
    void perMinuteDefault_allowsFiftyInAMinute() {
        EditBudget budget = EditBudget.perMinuteDefault();

        int sent = 0;
        for (int second = 0; second < 60; second++) {
            while (budget.tryTake(T0.plusSeconds(second))) {
                sent++;
            }
        }

        assertThat(sent).isEqualTo(50);
    }
}

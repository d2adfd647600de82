package io.ncprollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.testing.BotHarness;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one lifecycle: built whole, started with a transport or in process (the shell), closed once. */
class BotLifecycleTest {

    @Test
    void builtBot_hasNoPortsYet_andFlushesOnTheCallersThread() throws Exception {
        try (BotHarness harness = BotHarness.start()) {
            assertThat(harness.bot.httpPort()).isEmpty();
            assertThat(harness.bot.managementPort()).isEmpty();
            assertThat(harness.bot.flushNow()).isDone();
            assertThat(harness.bot.configuredTransport()).isEqualTo(Bot.Transport.HTTP);
        }
    }

    @Test
    void startedInProcess_runsTheScheduledWork_withoutListening_andCannotStartTwice() throws Exception {
        try (BotHarness harness = BotHarness.start()) {
            harness.bot.start(Bot.Transport.IN_PROCESS);

            harness.bot.flushNow().get(10, TimeUnit.SECONDS); // served by the poll thread: the schedule runs
            assertThat(harness.bot.httpPort()).isEmpty();
            assertThat(harness.bot.managementPort()).isEmpty();
            assertThatThrownBy(() -> harness.bot.start(Bot.Transport.IN_PROCESS)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already started");
        }
    }
}

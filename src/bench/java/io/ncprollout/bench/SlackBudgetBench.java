package io.ncprollout.bench;

import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.slack.render.ProgressMessages;
import io.ncprollout.slack.render.SlackMessage;
import io.ncprollout.testing.BotHarness;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Item 2: Slack Web API calls of one simulated 3-broker restart (demo-kafka), 1 s polls, 10 s node steps, from the
 * slash command to the end, through the real Bolt app and a fake Slack Web API. Time is a hand-moved clock, so the
 * count does not depend on the machine. The rendered progress state is computed independently after each poll
 * (rendering the stored rollout), to count distinct states and to check that no call is made on a poll where it did
 * not change.
 */
final class SlackBudgetBench {
    private final PrintStream out;

    SlackBudgetBench(PrintStream out) {
        this.out = out;
    }

    void run() throws Exception {
        try (BotHarness bot = BotHarness.start(Map.of("ROLLOUT_POLL_INTERVAL", "1s", "ROLLOUT_STALL_AFTER", "2m"),
                Duration.ofSeconds(10))) {
            bot.command("/kafka", "restart demo-kafka", "U1", "C1");
            bot.runWork();
            bot.submitConfirmation("demo-kafka", "bench", "U1");
            bot.runWork();
            int modalCalls = bot.slack.methods().size() - (int) bot.slack.methods().stream().filter(m -> m.startsWith("chat.")).count();
            TrackedRollout tracked = bot.storage.rollouts().active().get(0);
            ProgressMessages render = new ProgressMessages(true);
            SlackMessage last = render.progress(tracked.rollout(), java.util.Locale.ENGLISH);
            int distinct = 1;
            int polls = 0;
            int pollsUntilFinal = 0;
            int quietPollsWithCalls = 0;
            int quietPolls = 0;
            boolean finished = false;
            int after = 0;
            while (after <= 10 && polls < 300) {
                int before = bot.slack.methods().size();
                bot.clock.advance(Duration.ofSeconds(1));
                bot.bot.poller().pollOnce();
                bot.bot.notifier().flushPending(bot.clock.instant());
                polls++;
                TrackedRollout now = bot.storage.rollouts().find(tracked.id()).orElseThrow();
                SlackMessage current = render.progress(now.rollout(), java.util.Locale.ENGLISH);
                boolean changed = !current.equals(last);
                if (changed) {
                    distinct++;
                    last = current;
                } else {
                    quietPolls++;
                    if (bot.slack.methods().size() != before && !finished) {
                        quietPollsWithCalls++;
                    }
                }
                if (!finished && now.rollout().state().isTerminal()) {
                    finished = true;
                    pollsUntilFinal = polls;
                    out.println("final state " + now.rollout().state() + " after " + polls + " polls (" + polls + " s)");
                }
                if (finished) {
                    after++;
                }
            }
            Map<String, Long> byMethod = new TreeMap<>();
            bot.slack.methods().forEach(m -> byMethod.merge(m, 1L, Long::sum));
            long total = bot.slack.methods().size();
            long chatCalls = total - modalCalls;
            long progressEdits = bot.slack.calls("chat.update").stream().filter(c -> c.param("ts").equals(tracked.thread().progressTs())).count();
            long naive = total - progressEdits + pollsUntilFinal;
            out.println("Web API calls by method (auth.test excluded): " + byMethod + ", total " + total);
            out.println("  of which modal (views.*): " + modalCalls + "; thread (chat.*): " + chatCalls
                    + "; progress-reply edits: " + progressEdits);
            out.println("distinct rendered progress states: " + distinct + " -> target chat.* calls <= " + (distinct + 4)
                    + ": " + (chatCalls <= distinct + 4 ? "MET" : "MISSED") + " (" + chatCalls + ")");
            out.println("polls: " + polls + " (" + pollsUntilFinal + " until the final state, then 10 more); polls where the"
                    + " rendered state did not change: " + quietPolls + ", of which with a Slack call before the end: " + quietPollsWithCalls);
            out.println("naive bot (one chat.update per poll until the end, same posts and modal): " + naive + " calls");
        }
    }
}

package io.ncprollout.bench;

import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.slack.EditBudget;
import io.ncprollout.testing.BotHarness;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fleets' Slack call budget: a 12-cluster fleet of 3-broker restarts through the real Bolt app, the fake Slack Web
 * API and the in-process simulator, on a hand-moved clock (1 s polls, 10 s node steps), with wave sizes 1, 4 and 10 (the largest allowed).
 * Counts each Web API call at the simulated instant of the poll that made it, splits them by what they were for (the
 * fleet's message and thread, the clusters' own threads) and checks the worst 60 s window of chat.update against the
 * budget of {@value EditBudget#DEFAULT_PER_MINUTE} a minute.
 */
final class FleetBudgetBench {
    private static final String TWELVE = "demo-kafka-1,demo-kafka-2,demo-kafka-3,demo-kafka-4,demo-kafka-5,demo-kafka-6,"
            + "orders-prod,inventory-prod,audit-log,notifications,billing-prod,metrics-pipeline";

    private final PrintStream out;

    FleetBudgetBench(PrintStream out) {
        this.out = out;
    }

    void run() throws Exception {
        for (int wave : new int[] {1, 4, 10}) {
            run(wave);
        }
    }

    private record At(Instant at, FakeSlackWebApi.Call call) {
    }

    private void run(int wave) throws Exception {
        try (BotHarness bot = BotHarness.start(Map.of("ROLLOUT_POLL_INTERVAL", "1s", "ROLLOUT_STALL_AFTER", "2m"), Duration.ofSeconds(10))) {
            List<At> calls = new ArrayList<>();
            bot.command("/kafka", "restart " + TWELVE + " --wave " + wave, "U1", "C1");
            bot.runWork();
            bot.submitConfirmation("12", "bench", "U1");
            bot.runWork();
            record(bot, calls);
            int polls = 0;
            while (!bot.storage.fleets().active().isEmpty() && polls < 3_000) {
                bot.clock.advance(Duration.ofSeconds(1));
                bot.bot.poller().pollOnce();
                bot.bot.notifier().flushPending(bot.clock.instant());
                polls++;
                record(bot, calls);
            }
            for (int i = 0; i < 90; i++) { // pending edits of the last threads go out within the budget
                bot.clock.advance(Duration.ofSeconds(1));
                bot.bot.poller().pollOnce();
                bot.bot.notifier().flushPending(bot.clock.instant());
                record(bot, calls);
            }
            Fleet fleet = bot.storage.fleets().recent(1).get(0);
            String fleetTs = fleet.thread().parentTs();
            long fleetEdits = calls.stream().filter(a -> a.call().method().equals("chat.update") && a.call().param("ts").equals(fleetTs)).count();
            long fleetLines = calls.stream().filter(a -> a.call().method().equals("chat.postMessage") && a.call().param("thread_ts").equals(fleetTs))
                    .count();
            long fleetPosts = calls.stream().filter(a -> a.call().method().equals("chat.postMessage") && a.call().param("ts").isEmpty()
                    && a.call().param("thread_ts").isEmpty() && a.call().param("text").contains("fleet of")).count();
            long updates = calls.stream().filter(a -> a.call().method().equals("chat.update")).count();
            long posts = calls.stream().filter(a -> a.call().method().equals("chat.postMessage")).count();
            int worst = worstMinute(calls);
            Map<String, Long> byMethod = new TreeMap<>();
            calls.forEach(a -> byMethod.merge(a.call().method(), 1L, Long::sum));
            out.println("wave " + wave + ": fleet " + fleet.state() + " after " + polls + " polls (" + polls + " s simulated); calls by method " + byMethod);
            out.println("  fleet message: " + fleetPosts + " post, " + fleetEdits + " edits; fleet thread: " + fleetLines + " lines");
            out.println("  per cluster (12): chat.postMessage " + String.format("%.2f", (posts - fleetPosts - fleetLines) / 12.0) + ", chat.update "
                    + String.format("%.2f", (updates - fleetEdits) / 12.0) + " in its own thread; fleet: "
                    + String.format("%.2f", fleetEdits / 12.0) + " edits and " + String.format("%.2f", fleetLines / 12.0) + " lines");
            out.println("  chat.update in the worst 60 s window: " + worst + " (budget " + EditBudget.DEFAULT_PER_MINUTE + "): "
                    + (worst <= EditBudget.DEFAULT_PER_MINUTE ? "MET" : "MISSED"));
        }
    }

    /** Calls made since the last look, at the simulated instant of the poll that made them. */
    private static void record(BotHarness bot, List<At> calls) {
        List<FakeSlackWebApi.Call> fresh = bot.slack.calls.stream().filter(c -> !c.method().equals("auth.test") && !c.method().equals("users.info"))
                .toList();
        for (int i = calls.size(); i < fresh.size(); i++) {
            calls.add(new At(bot.clock.instant(), fresh.get(i)));
        }
    }

    private static int worstMinute(List<At> calls) {
        List<Instant> edits = calls.stream().filter(a -> a.call().method().equals("chat.update")).map(At::at).toList();
        int worst = 0;
        for (int i = 0; i < edits.size(); i++) {
            int n = 0;
            for (int j = i; j < edits.size() && edits.get(j).isBefore(edits.get(i).plusSeconds(60)); j++) {
                n++;
            }
            worst = Math.max(worst, n);
        }
        return worst;
    }
}

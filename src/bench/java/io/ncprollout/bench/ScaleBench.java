package io.ncprollout.bench;

import io.ncprollout.Bot;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Item 3: {@code bench.clusters} (1,000) concurrent three-broker restarts on the simulator in this JVM, real time.
 * Measures the NCP request rate against the cap, chat.update against the per-workspace budget, the delay from the
 * simulator finishing a roll to the final (broadcast) reply, heap and CPU.
 */
final class ScaleBench {
    private final PrintStream out;

    ScaleBench(PrintStream out) {
        this.out = out;
    }

    void run() throws Exception {
        int n = Integer.getInteger("bench.clusters", 1000);
        double cap = Double.parseDouble(System.getProperty("bench.ncpRate", "100"));
        Duration poll = Duration.ofSeconds(Long.getLong("bench.pollSeconds", 30));
        Duration step = Duration.ofSeconds(Long.getLong("bench.stepSeconds", 30));
        Duration timeout = Duration.ofMinutes(Long.getLong("bench.timeoutMinutes", 15));
        out.printf("%d clusters x 3 brokers, node step %ds, poll %ds, NCP cap %.0f/s, chat.update budget 50/min, max heap %s%n",
                n, step.toSeconds(), poll.toSeconds(), cap, Stats.mib(Runtime.getRuntime().maxMemory()));
        Clock clock = Clock.systemUTC();
        ExecutorService work = Executors.newFixedThreadPool(8);
        try (BenchSlack slack = new BenchSlack()) {
            Fleet fleet = new Fleet(slack, n, step, Files.createTempDirectory("bench-scale"));
            Stats.HeapSampler heap = new Stats.HeapSampler();
            long cpu0 = Stats.processCpuNanos();
            long t0 = System.nanoTime();
            Bot bot = fleet.startBot(cap, poll, clock, work);
            ConcurrentLinkedQueue<Long> ncpSent = new ConcurrentLinkedQueue<>();
            fleet.lastBackend.clients().setCallListener(e -> ncpSent.add(System.nanoTime() - e.elapsed().toNanos()));

            List<StartOutcome> outcomes = fleet.startAll(bot, clock);
            long started = outcomes.stream().filter(StartOutcome::started).count();
            long tStarted = System.nanoTime();
            out.printf("started %d of %d in %s s (%s)%n", started, n, Stats.s(tStarted - t0), results(outcomes));

            long deadline = t0 + timeout.toNanos();
            long finals = 0;
            long lastReport = 0;
            while (System.nanoTime() < deadline) {
                finals = slack.chat.stream().filter(BenchSlack.ChatCall::broadcast).count();
                if (finals >= started) {
                    break;
                }
                if (System.nanoTime() - lastReport > 15_000_000_000L) {
                    lastReport = System.nanoTime();
                    out.printf("  t=%ss finals %d, NCP requests %d, chat.update %d, edits pending %d, heap %s%n",
                            Stats.s(lastReport - t0), finals, ncpSent.size(), slack.count("chat.update"),
                            bot.notifier().pendingEdits(), Stats.mib(Stats.heapUsedBytes()));
                }
                Thread.sleep(250);
            }
            long tDone = System.nanoTime();
            long cpuDone = Stats.processCpuNanos();
            out.printf("final replies %d of %d started, last at %s s%n", finals, started, Stats.s(tDone - t0));
            Thread.sleep(30_000); // watch the edit backlog drain within the budget for a while
            long cpuEnd = Stats.processCpuNanos();
            long tEnd = System.nanoTime();

            Map<RolloutState, Integer> states = new TreeMap<>();
            for (TrackedRollout t : fleet.lastStorage.rollouts().recent(n + 10)) {
                states.merge(t.rollout().state(), 1, Integer::sum);
            }
            out.println("states in the store: " + states + ", still active " + fleet.lastStorage.rollouts().active().size());

            List<Long> delays = new ArrayList<>();
            for (BenchSlack.ChatCall c : slack.chat) {
                Long startedAt = c.broadcast() ? fleet.startReturnedAt.get(c.threadTs()) : null;
                if (startedAt != null) {
                    delays.add(c.nanos() - (startedAt + step.multipliedBy(3).toNanos()));
                }
            }
            long[] d = Stats.sorted(delays);
            out.printf("simulator finished -> final reply: p50 %s s, p95 %s s, max %s s (target p95 <= poll + 2 s = %d s: %s)%n",
                    Stats.s(Stats.percentile(d, 50)), Stats.s(Stats.percentile(d, 95)), Stats.s(d[d.length - 1]), poll.toSeconds() + 2,
                    Stats.percentile(d, 95) <= poll.plusSeconds(2).toNanos() ? "MET" : "MISSED");

            long[] ncp = ncpSent.stream().mapToLong(Long::longValue).toArray();
            out.printf("NCP requests %d, max in any 1 s window %d (cap %.0f), in any 10 s window %d (cap x 10 = %.0f),"
                    + " mean %.1f/s over the run%n", ncp.length, Stats.maxInWindow(ncp, 1_000_000_000L), cap,
                    Stats.maxInWindow(ncp, 10_000_000_000L), cap * 10, ncp.length / ((tDone - t0) / 1e9));
            long[] updates = slack.chat.stream().filter(c -> c.method().equals("chat.update")).mapToLong(BenchSlack.ChatCall::nanos).toArray();
            out.printf("chat.update %d, max in any 60 s window %d (budget 50); edits still pending %d (%.0f min more at 50/min)%n",
                    updates.length, Stats.maxInWindow(updates, 60_000_000_000L), bot.notifier().pendingEdits(),
                    bot.notifier().pendingEdits() / 50.0);
            out.println("Slack calls by method: " + slack.snapshot());
            heap.stop();
            System.gc();
            out.printf("heap: max used %s (sampled every 200 ms), %s after a full GC at the end; max heap %s%n",
                    Stats.mib(heap.max()), Stats.mib(Stats.heapUsedBytes()), Stats.mib(Runtime.getRuntime().maxMemory()));
            out.printf("CPU: %s s of CPU in %s s until the last final reply (%.2f of 2 cores busy); %s s over the whole %s s%n",
                    Stats.s(cpuDone - cpu0), Stats.s(tDone - t0), (cpuDone - cpu0) / (double) (tDone - t0),
                    Stats.s(cpuEnd - cpu0), Stats.s(tEnd - t0));
            out.println("CPU by live thread (pools that ended are not counted): " + Stats.cpuByThread());
            bot.close();
            fleet.simulator.close();
        } finally {
            work.shutdownNow();
        }
    }

    static String results(List<StartOutcome> outcomes) {
        Map<StartOutcome.Result, Integer> byResult = new TreeMap<>();
        outcomes.forEach(o -> byResult.merge(o.result(), 1, Integer::sum));
        return byResult.toString();
    }
}

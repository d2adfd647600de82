package io.ncprollout.bench;

import io.ncprollout.Bot;
import io.ncprollout.rollout.StartOutcome;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Item 4: a bot with {@code bench.clusters} (1,000) operations in flight on the embedded H2 store is stopped and a
 * new one started on the same store and the same (still rolling) simulator. Measures the time until the new bot is
 * ready (built, store open, HTTP listening, /healthz answering) and until every thread got its "resumed" reply.
 */
final class RestartBench {
    private final PrintStream out;

    RestartBench(PrintStream out) {
        this.out = out;
    }

    void run() throws Exception {
        int n = Integer.getInteger("bench.clusters", 1000);
        double cap = Double.parseDouble(System.getProperty("bench.restartNcpRate", "20"));
        Duration poll = Duration.ofSeconds(15);
        Clock clock = Clock.systemUTC();
        try (BenchSlack slack = new BenchSlack()) {
            // rolls of an hour: every operation is still running when the bot comes back
            Fleet fleet = new Fleet(slack, n, Duration.ofMinutes(20), Files.createTempDirectory("bench-restart"));
            ExecutorService work1 = Executors.newFixedThreadPool(8);
            Bot first = fleet.startBot(500, poll, clock, work1);
            List<StartOutcome> outcomes = fleet.startAll(first, clock);
            long started = outcomes.stream().filter(StartOutcome::started).count();
            out.printf("set-up: %d of %d started by the first bot (%s); stopping it%n", started, n, ScaleBench.results(outcomes));
            first.close();
            work1.shutdownNow();
            slack.reset();

            Stats.HeapSampler heap = new Stats.HeapSampler();
            long cpu0 = Stats.processCpuNanos();
            ExecutorService work2 = Executors.newFixedThreadPool(8);
            long t0 = System.nanoTime();
            Bot second = fleet.startBot(cap, poll, clock, work2);
            long tStarted = System.nanoTime();
            HttpClient http = HttpClient.newHttpClient();
            int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.managementPort().orElseThrow() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            long tHealthy = System.nanoTime();
            out.printf("second bot (NCP cap %.0f/s): built and listening in %s ms; /healthz answered %d at %s ms%n",
                    cap, Stats.ms(tStarted - t0), status, Stats.ms(tHealthy - t0));

            long deadline = t0 + Duration.ofMinutes(10).toNanos();
            Set<String> resumed = Set.of();
            long lastReport = 0;
            while (System.nanoTime() < deadline) {
                resumed = slack.chat.stream().filter(c -> c.method().equals("chat.postMessage") && !c.threadTs().isEmpty())
                        .map(BenchSlack.ChatCall::threadTs).collect(Collectors.toSet());
                if (resumed.size() >= started) {
                    break;
                }
                if (System.nanoTime() - lastReport > 15_000_000_000L) {
                    lastReport = System.nanoTime();
                    out.printf("  t=%ss threads resumed %d, chat.update %d, edits pending %d%n", Stats.s(lastReport - t0),
                            resumed.size(), slack.count("chat.update"), second.notifier().pendingEdits());
                }
                Thread.sleep(100);
            }
            long tResumed = System.nanoTime();
            long cpu1 = Stats.processCpuNanos();
            long progressEdits = slack.chat.stream().filter(c -> c.method().equals("chat.update")).map(BenchSlack.ChatCall::ts).distinct().count();
            out.printf("every thread resumed (a reply in each of %d threads) %s s after the restart began%n", resumed.size(),
                    Stats.s(tResumed - t0));
            out.printf("by then %d progress replies had been edited too (chat.update, 50/min budget), %d edits pending%n",
                    progressEdits, second.notifier().pendingEdits());
            out.println("Slack calls by method since the restart: " + slack.snapshot());
            heap.stop();
            out.printf("heap: max used %s during the restart; CPU %s s in %s s%n", Stats.mib(heap.max()), Stats.s(cpu1 - cpu0),
                    Stats.s(tResumed - t0));
            out.println("CPU by live thread since the process began (set-up included): " + Stats.cpuByThread());
            second.close();
            work2.shutdownNow();
            fleet.simulator.close();
        }
    }
}

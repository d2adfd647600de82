package io.ncprollout.flow;

import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ncprollout.shell.FakeSlackWebApi.Timed;
import io.ncprollout.store.EmbeddedPostgresServer;
import io.ncprollout.testing.BotProcess;
import io.ncprollout.testing.StoreRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The crash guarantees of DESIGN.md ("a start is sent at most once; an operation NCP accepted is never forgotten; a
 * claim that never reached NCP is released and its requester told; after a restart tracking resumes within the poll
 * interval plus a few seconds"), proven on the packaged jar: each bot is {@code java -jar target/ncp-rollout-bot.jar}
 * in HTTP mode, driven with signed Slack requests, killed with SIGKILL at random instants and started again, against
 * an NCP simulator (real clock, 1 s per node) and a fake Slack Web API that live in this JVM and outlive the bots.
 *
 * <p>Every seed is independent (its own simulator, Slack, channel, data folder and ports) and is replayed with
 * {@code -Dchaos.seed=N}; {@code -Dchaos.seeds=N} sets how many seeds the embedded-store test runs (20) and
 * {@code -Dchaos.parallel=N} how many seeds run at once (4), {@code -Dchaos.jar=PATH} another build of the jar to
 * test. A failure names the seed and prints its timeline, its
 * Slack calls, its NCP starts and the tail of every bot's log ({@code target/chaos/<test>/seed-<n>/}).
 *
 * <p>Unlike the rest of the suite (STYLE.md §7.10 rule 5), these tests wait on the wall clock: what they test is a
 * process dying at an instant of real time while its threads talk to real sockets, which no fake clock can stand for.
 * <pre>
 * mvn -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashChaosIT
 * </pre>
 */
class CrashChaosIT {
    /**
     * Time per node in the simulator: a 3-broker restart of demo-kafka rolls in 6 s. With 1 s the roll is often over
     * before a restarted bot polls again, and a roll the bot never saw change ends as UNCONFIRMED only after
     * 6 x ROLLOUT_STALL_AFTER (30 s), which makes such seeds slow.
     */
    private static final Duration STEP = Duration.ofSeconds(2);
    /** Roughly how long a whole restart takes, start to final reply. */
    private static final Duration RESTART = STEP.multipliedBy(3).plus(ChaosRun.POLL);
    /**
     * The longest a seed waits for its operation to end after the last restart: beyond the slowest legitimate ending
     * (UNCONFIRMED, 6 x ROLLOUT_STALL_AFTER = 30 s after the start, plus a lease), and beyond the 60 s lease of the
     * code before ROLLOUT_LEASE, so that a late takeover is reported with its time rather than as none.
     */
    private static final Duration END_WAIT = Duration.ofSeconds(70);
    /** DESIGN.md: "after a restart tracking resumes within the poll interval plus a few seconds". */
    private static final Duration RESUME_LIMIT = ChaosRun.POLL.plusSeconds(5);
    /** A replica's operations are taken over once its lease ran out, at the next poll, plus slack. */
    private static final Duration TAKEOVER_LIMIT = ChaosRun.LEASE.plus(ChaosRun.POLL).plusSeconds(5);
    private static final int PARALLEL = Integer.getInteger("chaos.parallel", 4);
    /** {@code -Dchaos.verbose=true}: print every seed's diagnostics, not only those of failed seeds. */
    private static final boolean VERBOSE = Boolean.getBoolean("chaos.verbose");

    private ExecutorService pool;

    /** One seed's scenario: drives the bots and adds its assertions; returns a one-line summary. */
    @FunctionalInterface
    private interface Scenario {
        String run(ChaosRun run, SoftAssertions softly) throws Exception;
    }

    /** A seed's result: its summary line, and the failure with every broken assertion and the diagnostics. */
    private record Verdict(String summary, AssertionError failure) {
        void check() {
            System.out.println("[chaos] " + summary);
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Where a kill is timed from, and how long after. */
    private record Kill(Anchor after, Duration delay) {
        enum Anchor { SUBMISSION, LAUNCH, HEALTHZ }

        /**
         * 1 to 3 kills. The first follows the submission: within 300 ms (the start being sent) 4 times in 10, else
         * anywhere in the restart. Each later one hits the restarted process: during its startup 1 time in 4, else
         * anywhere in a restart's length after it answered /healthz.
         */
        static List<Kill> plan(Random random) {
            return plan(random, RESTART);
        }

        /** As {@link #plan(Random)}, over an operation that takes {@code span}. */
        static List<Kill> plan(Random random, Duration span) {
            int count = 1 + random.nextInt(3);
            int restartMillis = (int) span.toMillis();
            List<Kill> kills = new ArrayList<>();
            kills.add(new Kill(Anchor.SUBMISSION, Duration.ofMillis(random.nextDouble() < 0.4 ? random.nextInt(300) : random.nextInt(restartMillis))));
            for (int i = 1; i < count; i++) {
                kills.add(random.nextDouble() < 0.25 ? new Kill(Anchor.LAUNCH, Duration.ofMillis(200 + random.nextInt(1300)))
                        : new Kill(Anchor.HEALTHZ, Duration.ofMillis(random.nextInt(restartMillis))));
            }
            return kills;
        }

        @Override
        public String toString() {
            return delay.toMillis() + " ms after " + after.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @BeforeAll
    static void jarAndClassArchive() throws Exception {
        assumeThat(Files.isRegularFile(BotProcess.JAR)).as("run after 'mvn package': %s is missing", BotProcess.JAR).isTrue();
        try (ChaosRun warmUp = new ChaosRun("class-archive", 0, STEP)) {
            BotProcess.prepareClassArchive(warmUp.env(ChaosRun.freePort(), "xoxb-chaos-class-archive",
                    Map.of("DATA_DIR", warmUp.dir.resolve("data").toString())), warmUp.dir);
        }
    }

    @AfterEach
    void killEverything() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        BotProcess.killAll();
    }

    @TestFactory
    Stream<DynamicTest> killNine_embeddedStore_startsAtMostOnceAndEveryOperationEnds() {
        return seeded("embedded", seeds(1, Integer.getInteger("chaos.seeds", 20)), STEP, PARALLEL, this::killedAtRandom);
    }

    @Test
    void killNine_midRoll_theNextProcessResumesWithinThePollIntervalPlus5s() {
        runSeed("resume", 7, Duration.ofSeconds(4), this::resumeLatency).check();
    }

    @TestFactory
    Stream<DynamicTest> killNine_oneOfTwoReplicasOnPostgres_theOtherFinishesTheOperation() {
        return seeded("postgres", seeds(101, 5), STEP, Math.max(1, PARALLEL / 2), this::replicaTakeover);
    }

    @TestFactory
    Stream<DynamicTest> killNine_duringAFleet_resumesWhereItWasAndStartsNoClusterTwice() {
        return seeded("fleet", seeds(301, Integer.getInteger("chaos.fleetSeeds", 8)), STEP, PARALLEL, this::fleetKilledAtRandom);
    }

    @TestFactory
    Stream<DynamicTest> killNine_aroundAScheduledStart_firesItAtMostOnce_andItEnds() {
        return seeded("schedule", seeds(401, Integer.getInteger("chaos.scheduleSeeds", 6)), STEP, PARALLEL, this::scheduledKilledAtRandom);
    }

    @TestFactory
    Stream<DynamicTest> sigterm_duringAStart_leavesNothingStuck() {
        return seeded("sigterm", seeds(201, 4), STEP, PARALLEL, this::terminatedDuringStart);
    }

    /** Test 1: kill -9 one to three times at random instants, then let the last process finish. */
    private String killedAtRandom(ChaosRun run, SoftAssertions softly) throws Exception {
        List<Kill> plan = Kill.plan(run.random);
        run.note("plan: kill -9 %s", plan);
        Path data = run.dir.resolve("data");
        Map<String, String> store = Map.of("DATA_DIR", data.toString());
        int port = ChaosRun.freePort();
        BotProcess bot = run.launch("bot", port, store);
        bot.awaitHealthy(ChaosRun.STARTUP);
        run.submitRestart(bot);
        killAsPlanned(run, plan, bot, port, data);
        return "kills " + plan + "; " + restartAndFinish(run, softly, port, data);
    }

    /**
     * Test 5: a fleet of three clusters in waves of two (the configured list {@code chaos-fleet}); kill -9 one to three
     * times anywhere in its length, then let the last process finish it. Every cluster is started at most once; the
     * fleet ends (completed, or stopped by a cluster whose operation a kill left unconfirmed); one fleet message; its
     * ending said once; nothing left unfinished or locked in the store.
     */
    private String fleetKilledAtRandom(ChaosRun run, SoftAssertions softly) throws Exception {
        List<Kill> plan = Kill.plan(run.random, RESTART.multipliedBy(2));
        run.note("plan: kill -9 %s", plan);
        Path data = run.dir.resolve("data");
        Map<String, String> store = Map.of("DATA_DIR", data.toString());
        int port = ChaosRun.freePort();
        BotProcess bot = run.launch("bot", port, store);
        bot.awaitHealthy(ChaosRun.STARTUP);
        run.submitFleet(bot, "chaos-fleet", 2, 3);
        killAsPlanned(run, plan, bot, port, data);
        BotProcess last = run.launch("bot", port, store);
        last.awaitHealthy(ChaosRun.STARTUP);
        java.util.function.Predicate<Timed> ending = t -> t.call().method().equals("chat.postMessage")
                && (t.call().param("text").contains("Fleet completed") || t.call().param("text").contains("Fleet stopped")
                    || t.call().param("channel").equals(ChaosRun.USER) && t.call().param("text").contains("did not start"));
        Optional<Timed> ended = awaitOptional(run, ending, Duration.ofSeconds(120));
        Thread.sleep(ChaosRun.SETTLE.toMillis());
        Map<String, Integer> starts = run.sim.journal().starts();
        List<Timed> posts = run.slack.timeline.stream().filter(t -> t.call().method().equals("chat.postMessage")).toList();
        long fleetMessages = posts.stream().filter(t -> t.call().param("channel").equals(run.channel) && t.call().param("thread_ts").isEmpty()
                && t.call().param("text").contains("fleet of 3")).count();
        long endings = posts.stream().filter(ending).count();
        run.note("NCP starts by cluster: %s; fleet messages: %d; fleet endings said: %d", starts, fleetMessages, endings);
        softly.assertThat(ended).as("seed %d: the fleet said its ending within 120 s of the last launch", run.seed).isPresent();
        softly.assertThat(starts.values()).as("seed %d: starts per cluster (%s)", run.seed, starts).allMatch(n -> n == 1);
        softly.assertThat(fleetMessages).as("seed %d: top-level fleet messages in the channel", run.seed).isLessThanOrEqualTo(1);
        softly.assertThat(endings).as("seed %d: fleet endings said (in its thread, or to the requester)", run.seed).isEqualTo(1);
        String how = ended.map(t -> abbreviateText(t.call().param("text"))).orElse("never ended");
        if (how.contains("Fleet completed")) {
            softly.assertThat(starts).as("seed %d: a completed fleet started each of its clusters once", run.seed)
                    .containsOnlyKeys("demo-kafka-1", "demo-kafka-2", "demo-kafka-3");
        }
        if (how.contains("did not start")) {
            softly.assertThat(starts).as("seed %d: a fleet that never had its message started nothing", run.seed).isEmpty();
        }
        terminate(run, softly, last);
        StoreRows rows = StoreRows.read(StoreRows.h2Url(data));
        run.assertNothingUnfinished(softly, rows);
        softly.assertThat(StoreRows.unfinishedFleets(StoreRows.h2Url(data))).as("seed %d: unfinished fleets after the last stop", run.seed).isZero();
        return "kills " + plan + "; " + how + "; starts " + starts;
    }

    /**
     * Test 6: a restart scheduled ({@code --at}, to the second) 10 s after the command; kill -9 one or two times at
     * random instants from 3 s before its time to 4 s after it (the reminder, the STARTING write, the claim, the
     * send, the first polls), then let the last process finish. The run is fired at most once, its operation
     * ends like any other, and the scheduled run itself ends (started, or not started and said so): none is left
     * waiting or starting.
     */
    private String scheduledKilledAtRandom(ChaosRun run, SoftAssertions softly) throws Exception {
        Path data = run.dir.resolve("data");
        Map<String, String> store = Map.of("DATA_DIR", data.toString());
        int port = ChaosRun.freePort();
        BotProcess bot = run.launch("bot", port, store);
        bot.awaitHealthy(ChaosRun.STARTUP);
        java.time.Instant at = java.time.Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        run.submitScheduled(bot, at);
        int kills = 1 + run.random.nextInt(2);
        for (int i = 0; i < kills; i++) {
            long target = at.toEpochMilli() - 3_000 + run.random.nextInt(7_000);
            Thread.sleep(Math.max(0, target - System.currentTimeMillis()));
            bot.kill();
            run.note("kill -9 %s at %+d ms from the scheduled time", bot.name(), System.currentTimeMillis() - at.toEpochMilli());
            bot = run.launch("bot", port, store);
        }
        bot.awaitHealthy(ChaosRun.STARTUP);
        String ending = run.awaitEnd(bot, END_WAIT);
        run.assertStartedOnceAndEnded(softly);
        stopAndCheckStore(run, softly, bot, StoreRows.h2Url(data));
        List<String> states = StoreRows.scheduledRunStates(StoreRows.h2Url(data));
        run.note("scheduled runs after the last stop: %s", states);
        softly.assertThat(states).as("seed %d: the scheduled run ended (started, or refused and said)", run.seed).hasSize(1)
                .allMatch(state -> state.equals("STARTED") || state.equals("REFUSED"));
        long starts = run.sim.journal().count("rollingRestart");
        if (states.contains("REFUSED")) {
            softly.assertThat(starts).as("seed %d: a run reported not started sent no start", run.seed).isZero();
        }
        return kills + " kill(s) around the time; " + states + "; starts " + starts + "; " + ending;
    }

    private static String abbreviateText(String text) {
        return ChaosRun.abbreviate(text.replace('\n', ' '), 120);
    }

    /**
     * Kills {@code bot} as {@code plan} says, launching a new process on {@code port} and {@code data} before every
     * kill but the first; notes each kill and what the store held after it.
     */
    private static void killAsPlanned(ChaosRun run, List<Kill> plan, BotProcess first, int port, Path data) throws Exception {
        Map<String, String> store = Map.of("DATA_DIR", data.toString());
        BotProcess bot = first;
        for (int i = 0; i < plan.size(); i++) {
            Kill kill = plan.get(i);
            if (i > 0) {
                bot = run.launch("bot", port, store);
            }
            long anchor = switch (kill.after()) {
                case SUBMISSION -> run.submittedAt();
                case LAUNCH -> bot.launchedAt();
                case HEALTHZ -> bot.awaitHealthy(ChaosRun.STARTUP);
            };
            ChaosRun.sleepUntil(anchor, kill.delay());
            bot.kill();
            run.note("kill -9 %s (%s; %s)", bot.name(), kill,
                    bot.logTail(200).contains("listening for Slack") ? "it was listening for Slack" : "it was still starting");
            run.snapshot("after the kill", StoreRows.h2ReadOnlyUrl(data));
        }
    }

    /** Test 2: kill -9 once the progress reply has been edited; time the next process's first edit or thread post. */
    private String resumeLatency(ChaosRun run, SoftAssertions softly) throws Exception {
        Path data = run.dir.resolve("data");
        Map<String, String> store = Map.of("DATA_DIR", data.toString());
        int port = ChaosRun.freePort();
        BotProcess bot = run.launch("bot", port, store);
        bot.awaitHealthy(ChaosRun.STARTUP);
        run.submitRestart(bot);
        Timed progress = run.slack.await(t -> t.call().method().equals("chat.postMessage") && t.call().param("channel").equals(run.channel)
                && !t.call().param("thread_ts").isEmpty(), Duration.ofSeconds(20));
        String progressTs = answeredTs(progress);
        run.slack.await(t -> t.call().method().equals("chat.update") && t.call().param("ts").equals(progressTs), Duration.ofSeconds(20));
        bot.kill();
        run.note("kill -9 %s after it edited the progress reply %s", bot.name(), progressTs);
        run.snapshot("after the kill", StoreRows.h2ReadOnlyUrl(data));
        BotProcess next = run.launch("bot", port, store);
        long healthy = next.awaitHealthy(ChaosRun.STARTUP);
        run.note("%s answered /healthz %d ms after its launch", next.name(), (healthy - next.launchedAt()) / 1_000_000);
        String token = run.tokenOf(next);
        String parentTs = run.outcome().parentTs();
        Optional<Timed> first = awaitOptional(run, t -> token.equals(t.token())
                && (t.call().method().equals("chat.update") && t.call().param("ts").equals(progressTs)
                    || t.call().method().equals("chat.postMessage") && t.call().param("thread_ts").equals(parentTs)),
                Duration.ofSeconds(30));
        String summary;
        if (first.isPresent()) {
            long latency = (first.get().atNanos() - healthy) / 1_000_000;
            summary = "resumed " + latency + " ms after /healthz answered (limit " + RESUME_LIMIT.toMillis() + " ms) with " + first.get().call().method();
            System.out.println("[chaos] resume latency: " + summary);
            run.note("%s", summary);
            softly.assertThat(latency).as("seed %d: ms from /healthz to the first chat.update of the progress reply or thread post", run.seed)
                    .isLessThanOrEqualTo(RESUME_LIMIT.toMillis());
            summary += "; " + run.awaitEnd(next, END_WAIT);
            run.assertStartedOnceAndEnded(softly);
        } else {
            summary = "not resumed within 30 s of /healthz";
            System.out.println("[chaos] resume latency: " + summary);
            softly.fail("seed %d: %s neither edited the progress reply %s nor posted in the thread within 30 s of answering /healthz"
                    + " (limit %d ms)", run.seed, next.name(), progressTs, RESUME_LIMIT.toMillis());
        }
        stopAndCheckStore(run, softly, next, StoreRows.h2Url(data));
        return summary;
    }

    /** Test 3: two replicas on PostgreSQL; kill -9 the one the request went to; the other finishes it. */
    private String replicaTakeover(ChaosRun run, SoftAssertions softly) throws Exception {
        String url = EmbeddedPostgresServer.newDatabase().url().orElseThrow();
        BotProcess a = run.launch("a", ChaosRun.freePort(), replica(url, "replica-a-" + run.seed));
        BotProcess b = run.launch("b", ChaosRun.freePort(), replica(url, "replica-b-" + run.seed));
        a.awaitHealthy(ChaosRun.STARTUP);
        b.awaitHealthy(ChaosRun.STARTUP);
        Duration delay = Duration.ofMillis(run.random.nextDouble() < 0.4 ? run.random.nextInt(300) : run.random.nextInt((int) RESTART.toMillis()));
        run.note("plan: kill -9 a %d ms after the submission", delay.toMillis());
        run.submitRestart(a);
        ChaosRun.sleepUntil(run.submittedAt(), delay);
        a.kill();
        long killedAt = System.nanoTime();
        run.note("kill -9 %s", a.name());
        StoreRows atKill = run.snapshot("after the kill", url);
        String ending = run.awaitEnd(b, END_WAIT);
        String token = run.tokenOf(b);
        Optional<Timed> first = run.slack.timeline.stream().filter(t -> token.equals(t.token()) && t.atNanos() > killedAt
                && (t.call().method().equals("chat.update") || t.call().method().equals("chat.postMessage"))).findFirst();
        String takeover;
        if (atKill.running() == 0) {
            takeover = "nothing unfinished to take over at the kill";
        } else if (first.isPresent()) {
            long millis = (first.get().atNanos() - killedAt) / 1_000_000;
            takeover = "b took over " + millis + " ms after the kill (limit " + TAKEOVER_LIMIT.toMillis() + " ms)";
            softly.assertThat(millis).as("seed %d: ms from kill -9 of a to b's first chat.update or chat.postMessage", run.seed)
                    .isLessThanOrEqualTo(TAKEOVER_LIMIT.toMillis());
        } else {
            takeover = "b never took over";
            softly.fail("seed %d: a was killed with an unfinished operation in the store, and b never edited or posted anything after", run.seed);
        }
        run.note("%s", takeover);
        System.out.println("[chaos] postgres seed " + run.seed + ": " + takeover);
        run.assertStartedOnceAndEnded(softly);
        stopAndCheckStore(run, softly, b, url);
        return takeover + "; " + ending + "; " + run.sim.journal().count("rollingRestart") + " start(s); " + run.outcome();
    }

    /** Test 4: SIGTERM 100-300 ms after the submission, while the start is being sent; start again. */
    private String terminatedDuringStart(ChaosRun run, SoftAssertions softly) throws Exception {
        Path data = run.dir.resolve("data");
        Map<String, String> store = Map.of("DATA_DIR", data.toString());
        int port = ChaosRun.freePort();
        Duration delay = Duration.ofMillis(100 + run.random.nextInt(201));
        run.note("plan: SIGTERM %d ms after the submission", delay.toMillis());
        BotProcess bot = run.launch("bot", port, store);
        bot.awaitHealthy(ChaosRun.STARTUP);
        run.submitRestart(bot);
        ChaosRun.sleepUntil(run.submittedAt(), delay);
        terminate(run, softly, bot);
        run.snapshot("after the stop", StoreRows.h2ReadOnlyUrl(data));
        return "SIGTERM " + delay.toMillis() + " ms after the submission; " + restartAndFinish(run, softly, port, data);
    }

    /**
     * Starts the bot again on {@code data} and {@code port}, lets it run until the operation ended, checks what Slack
     * and NCP saw, stops it and checks the store; returns how it ended.
     */
    private static String restartAndFinish(ChaosRun run, SoftAssertions softly, int port, Path data) throws Exception {
        BotProcess bot = run.launch("bot", port, Map.of("DATA_DIR", data.toString()));
        bot.awaitHealthy(ChaosRun.STARTUP);
        String ending = run.awaitEnd(bot, END_WAIT);
        run.assertStartedOnceAndEnded(softly);
        stopAndCheckStore(run, softly, bot, StoreRows.h2Url(data));
        return ending + "; " + run.sim.journal().count("rollingRestart") + " start(s); " + run.outcome();
    }

    /** SIGTERM, and the bot must be gone within 20 s with the status of a JVM that ran its shutdown hooks. */
    private static void terminate(ChaosRun run, SoftAssertions softly, BotProcess bot) {
        int status = bot.terminate(Duration.ofSeconds(20));
        run.note("SIGTERM %s: exit status %d", bot.name(), status);
        softly.assertThat(status).as("seed %d: exit status of %s after SIGTERM (-1: still running 20 s later, killed)", run.seed, bot.name())
                .isIn(0, BotProcess.SIGTERM_STATUS);
    }

    /** SIGTERM the last bot, then read the store from outside: nothing RUNNING, no cluster locked. */
    private static void stopAndCheckStore(ChaosRun run, SoftAssertions softly, BotProcess bot, String url) throws Exception {
        terminate(run, softly, bot);
        StoreRows rows = StoreRows.read(url);
        run.note("after the last stop, the store holds:%n%s", rows.toString().stripTrailing());
        run.assertNothingUnfinished(softly, rows);
    }

    private static Map<String, String> replica(String databaseUrl, String instanceId) {
        return Map.of("DATABASE_URL", databaseUrl, "INSTANCE_ID", instanceId);
    }

    private static Optional<Timed> awaitOptional(ChaosRun run, java.util.function.Predicate<Timed> matches, Duration timeout)
            throws InterruptedException {
        try {
            return Optional.of(run.slack.await(matches, timeout));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    private static String answeredTs(Timed t) {
        return com.google.gson.JsonParser.parseString(t.answer()).getAsJsonObject().get("ts").getAsString();
    }

    /** {@code -Dchaos.seed=N} alone, else {@code count} seeds from {@code first}. */
    private static List<Long> seeds(long first, int count) {
        Long only = Long.getLong("chaos.seed");
        return only != null ? List.of(only) : LongStream.range(first, first + count).boxed().toList();
    }

    /** Runs every seed's scenario, {@code parallel} at a time; each seed is then one dynamic test that waits for its verdict. */
    private Stream<DynamicTest> seeded(String test, List<Long> seeds, Duration step, int parallel, Scenario scenario) {
        pool = Executors.newFixedThreadPool(Math.min(parallel, seeds.size()));
        Map<Long, Future<Verdict>> verdicts = new LinkedHashMap<>();
        for (long seed : seeds) {
            verdicts.put(seed, pool.submit(() -> runSeed(test, seed, step, scenario)));
        }
        pool.shutdown();
        return verdicts.entrySet().stream().map(e -> dynamicTest(test + " seed " + e.getKey(), () -> e.getValue().get().check()));
    }

    private Verdict runSeed(String test, long seed, Duration step, Scenario scenario) {
        long began = System.nanoTime();
        try (ChaosRun run = new ChaosRun(test, seed, step)) {
            SoftAssertions softly = new SoftAssertions();
            String summary;
            try {
                summary = scenario.run(run, softly);
            } catch (Exception | AssertionError e) {
                run.note("aborted: %s", e);
                softly.fail("seed %d aborted: %s", seed, e);
                summary = "aborted: " + ChaosRun.abbreviate(e.toString(), 200);
            }
            summary = test + " seed " + seed + " (" + (System.nanoTime() - began) / 1_000_000 + " ms): " + summary;
            List<Throwable> errors = softly.errorsCollected();
            if (errors.isEmpty()) {
                return new Verdict(VERBOSE ? summary + "\n" + run.diagnostics() : summary, null);
            }
            String broken = errors.stream().map(Throwable::getMessage).map(String::strip).collect(Collectors.joining("\n"));
            return new Verdict(summary, new AssertionError(broken + "\n" + run.diagnostics()));
        } catch (Exception e) {
            return new Verdict(test + " seed " + seed + ": could not run: " + e, new AssertionError("seed " + seed + " could not run", e));
        }
    }
}

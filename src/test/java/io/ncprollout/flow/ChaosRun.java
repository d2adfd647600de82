package io.ncprollout.flow;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.shell.FakeSlackWebApi.Timed;
import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorJournal;
import io.ncprollout.sim.SimulatorSettings;
import io.ncprollout.testing.BotProcess;
import io.ncprollout.testing.SlackHttpDriver;
import io.ncprollout.testing.StoreRows;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * One seed of a crash test: its own NCP simulator (real clock), fake Slack Web API, channel, folder
 * ({@code target/chaos/<test>/seed-<n>/}: data, configuration, one log per bot process) and bot processes of the real
 * jar. It drives a restart of {@value #CLUSTER} as Slack would, keeps a timeline of what the test did, judges what
 * Slack and NCP saw, and explains a failure: the seed, the timeline, every Slack call (with the process that made
 * it), the NCP starts and the tail of every process's log.
 */
final class ChaosRun implements AutoCloseable {
    static final String USER = "U0CHAOS";
    static final String CLUSTER = "demo-kafka";
    static final String SIGNING_SECRET = "chaos-signing-secret-0123456789";
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration STALL = Duration.ofSeconds(5);
    static final Duration LEASE = Duration.ofSeconds(3);
    static final Duration STARTUP = Duration.ofSeconds(60);
    /** After the operation visibly ended: how long to keep watching for a duplicate final message. */
    static final Duration SETTLE = Duration.ofSeconds(2);
    /** The bot reports no unfinished operation for this long: nothing more will happen. */
    static final Duration IDLE = Duration.ofSeconds(3);
    private static final Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    final long seed;
    final Random random;
    final Path dir;
    final String channel;
    final NcpSimulator sim;
    final FakeSlackWebApi slack;
    private final SlackHttpDriver driver;
    private final List<BotProcess> processes = new CopyOnWriteArrayList<>();
    private final Map<String, String> processByToken = new HashMap<>();
    private final Map<Integer, Integer> managementPorts = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Line> story = new CopyOnWriteArrayList<>();
    private final long createdAt = System.nanoTime();
    private long submittedAt;

    ChaosRun(String test, long seed, Duration nodeStep) throws IOException {
        this.seed = seed;
        this.random = new Random(seed);
        this.dir = Path.of("target", "chaos", test, "seed-" + seed).toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        this.channel = "C0CHAOS" + Math.abs(seed);
        this.sim = NcpSimulator.start(SimulatorSettings.defaults().withNodeStep(nodeStep).withSeed(seed));
        this.slack = FakeSlackWebApi.start();
        this.driver = new SlackHttpDriver(SIGNING_SECRET, slack);
        Files.writeString(dir.resolve("rollout.yaml"), """
                fleets:
                  chaos-fleet: [demo-kafka-1, demo-kafka-2, demo-kafka-3]
                permissions:
                  - services: [kafka]
                    actions: [restart]
                    clusters: ["*"]
                    channels: ["*"]
                    users: [%s]
                """.formatted(USER));
    }

    /**
     * A free TCP port on the loopback address (free now; the bot binds it a moment later), never one this JVM handed
     * out before, so that seeds running side by side cannot be given the same port.
     */
    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    /**
     * The environment of a bot in HTTP mode against this run's simulator and Slack; {@code store} adds where it keeps
     * operations ({@code DATA_DIR}, or {@code DATABASE_URL}) and anything else. {@code METRICS_PORT} (the management
     * port of {@code /healthz}) is a free port that stays the same for every bot started on {@code port}.
     */
    Map<String, String> env(int port, String token, Map<String, String> store) throws IOException {
        int management = managementPorts.containsKey(port) ? managementPorts.get(port) : freePort();
        managementPorts.put(port, management);
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", token, "SLACK_SIGNING_SECRET", SIGNING_SECRET, "SLACK_API_URL", slack.apiUrl(),
                "PORT", String.valueOf(port), "METRICS_PORT", String.valueOf(management),
                "NCP_ACCESS_KEY", sim.accessKey(), "NCP_SECRET_KEY", sim.secretKey(),
                "NCP_CDSS_ENDPOINT", sim.baseUrl(), "NCP_SES_ENDPOINT", sim.baseUrl(),
                "ROLLOUT_CONFIG", dir.resolve("rollout.yaml").toString()));
        env.putAll(Map.of("ROLLOUT_POLL_INTERVAL", seconds(POLL), "ROLLOUT_STALL_AFTER", seconds(STALL), "ROLLOUT_LEASE", seconds(LEASE)));
        env.putAll(store);
        return env;
    }

    /** Starts bot process {@code role-<n>} (n counts every process of the run) with its own Slack token, so calls tell who made them. */
    BotProcess launch(String role, int port, Map<String, String> store) throws IOException {
        String name = role + "-" + (processes.size() + 1);
        String token = "xoxb-chaos-" + Math.abs(seed) + "-" + name;
        synchronized (processByToken) {
            processByToken.put(token, name);
        }
        BotProcess bot = BotProcess.launch(name, env(port, token, store), dir);
        processes.add(bot);
        note("launched %s (pid %d, port %d)", name, bot.pid(), port);
        return bot;
    }

    /** The Slack token of a process this run launched. */
    String tokenOf(BotProcess bot) {
        return "xoxb-chaos-" + Math.abs(seed) + "-" + bot.name();
    }

    /**
     * {@code /kafka restart demo-kafka} in this run's channel, then, once the confirmation modal is shown (views.update
     * with the confirm-name field), its submission with the cluster's name and a reason. Returns when the submission
     * was acknowledged; {@link #submittedAt()} is that instant.
     */
    void submitRestart(BotProcess bot) throws Exception {
        submit(bot, "restart " + CLUSTER, CLUSTER);
    }

    /**
     * A fleet restart of {@code clusters} (comma-separated) in waves of {@code wave}, confirmed by typing how many
     * clusters run (the plan's own figure, read from the modal's label).
     */
    void submitFleet(BotProcess bot, String clusters, int wave, int count) throws Exception {
        submit(bot, "restart " + clusters + " --wave " + wave, String.valueOf(count));
    }

    /** {@code /kafka restart demo-kafka --at <at, to the second, in UTC> UTC}, confirmed like a restart. */
    void submitScheduled(BotProcess bot, java.time.Instant at) throws Exception {
        String local = java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC).toString();
        submit(bot, "restart " + CLUSTER + " --at " + local + " UTC", CLUSTER);
    }

    private void submit(BotProcess bot, String text, String typed) throws Exception {
        HttpResponse<String> command = driver.command(bot.port(), "/kafka", text, USER, channel);
        if (command.statusCode() != 200) {
            throw new IllegalStateException("the slash command got HTTP " + command.statusCode() + ": " + command.body());
        }
        Timed modal;
        try {
            modal = slack.await(t -> t.call().method().equals("views.update") && t.call().param("view").contains("\"confirm-name\""),
                    Duration.ofSeconds(30));
        } catch (java.util.concurrent.TimeoutException e) {
            String shown = slack.calls("views.update").stream().map(c -> abbreviate(c.param("view"), 600)).reduce((a, b) -> b).orElse("no modal");
            throw new IllegalStateException("no confirmation modal within 30 s; the last modal: " + shown, e);
        }
        JsonObject view = JsonParser.parseString(modal.call().param("view")).getAsJsonObject();
        HttpResponse<String> submitted = driver.submitView(bot.port(), view, Map.of("confirm-name", typed, "reason", "chaos seed " + seed), USER);
        submittedAt = System.nanoTime();
        note("view_submission answered HTTP %d %s", submitted.statusCode(), abbreviate(submitted.body(), 100));
        if (submitted.statusCode() != 200 || submitted.body().contains("\"errors\"")) {
            throw new IllegalStateException("the submission was not accepted: HTTP " + submitted.statusCode() + " " + submitted.body());
        }
    }

    long submittedAt() {
        return submittedAt;
    }

    /** Sleeps until {@code delay} after {@code anchor} (a {@link System#nanoTime()}). */
    static void sleepUntil(long anchor, Duration delay) throws InterruptedException {
        long wait = anchor + delay.toNanos() - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** One line of the timeline. */
    private record Line(long atNanos, String text) {
    }

    /** Adds a line to the run's timeline. */
    void note(String format, Object... args) {
        story.add(new Line(System.nanoTime(), String.format(format, args)));
    }

    /** Milliseconds since the submission (negative before it), or since the run began when nothing was submitted. */
    private String stamp(long nanos) {
        long base = submittedAt == 0 ? createdAt : submittedAt;
        return (nanos - base) / 1_000_000 + "ms";
    }

    /** Notes what the store held, reading it with {@code url} (a killed bot's H2 file read-only, or PostgreSQL). */
    StoreRows snapshot(String what, String url) {
        try {
            StoreRows rows = StoreRows.read(url);
            note("%s, the store holds:%n%s", what, rows.toString().stripTrailing());
            return rows;
        } catch (java.sql.SQLException e) {
            note("%s, the store cannot be read: %s", what, e.getMessage());
            return new StoreRows(List.of());
        }
    }

    /** What Slack saw of the operation, now. */
    SlackOutcome outcome() {
        return SlackOutcome.of(slack.timeline, channel, USER);
    }

    /**
     * Waits until the operation visibly ended (a final broadcast reply or a message to the requester, then
     * {@link #SETTLE} more for duplicates), the bot reports no unfinished operation for {@link #IDLE}, the bot exits on
     * its own, or {@code max} passes. Returns which, and notes it.
     */
    String awaitEnd(BotProcess bot, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long endedAt = 0;
        long idleSince = 0;
        String why;
        while (true) {
            long now = System.nanoTime();
            if (!bot.isAlive()) {
                why = bot.name() + " exited on its own with status " + bot.exitStatus().orElse(-1);
                break;
            }
            if (endedAt == 0 && outcome().ended()) {
                endedAt = now;
            }
            if (endedAt != 0 && now - endedAt >= SETTLE.toNanos()) {
                why = "the operation ended in Slack";
                break;
            }
            OptionalInt unfinished = bot.unfinishedOperations();
            idleSince = unfinished.isPresent() && unfinished.getAsInt() == 0 ? (idleSince == 0 ? now : idleSince) : 0;
            if (idleSince != 0 && now - idleSince >= IDLE.toNanos()) {
                why = bot.name() + " reported no unfinished operation for " + IDLE.toSeconds() + " s";
                break;
            }
            if (now - start >= max.toNanos()) {
                why = "still not ended after " + max.toSeconds() + " s (" + bot.name() + "'s /healthz: "
                        + bot.healthz().map(b -> abbreviate(b, 160)).orElse("no answer") + ")";
                break;
            }
            Thread.sleep(100);
        }
        note("stopped waiting: %s", why);
        return why;
    }

    /**
     * The Slack and NCP side of the crash guarantees: at most one start, at most one parent message, and then
     * either exactly one final broadcast reply in its thread (a start was sent) or the requester told exactly once
     * (none was sent).
     */
    void assertStartedOnceAndEnded(SoftAssertions softly) {
        long starts = sim.journal().count("rollingRestart");
        SlackOutcome seen = outcome();
        note("NCP starts: %d; Slack: %s", starts, seen);
        softly.assertThat(starts).as("seed %d: rollingRestart calls sent to NCP", seed).isLessThanOrEqualTo(1);
        softly.assertThat(seen.parents()).as("seed %d: top-level messages in %s (the parent)", seed, channel).hasSizeLessThanOrEqualTo(1);
        if (starts == 1) {
            softly.assertThat(seen.finals()).as("seed %d: NCP accepted a start, so exactly one final reply (reply_broadcast) in the parent's thread",
                    seed).hasSize(1);
        } else {
            softly.assertThat(seen.finals().size() + seen.dms().size())
                    .as("seed %d: no start reached NCP, so the requester is told exactly once (final broadcast reply: %d, DM to %s: %d)",
                            seed, seen.finals().size(), USER, seen.dms().size())
                    .isEqualTo(1);
        }
    }

    /** The store side: no operation left RUNNING and no cluster left locked. */
    void assertNothingUnfinished(SoftAssertions softly, StoreRows rows) {
        softly.assertThat(rows.running()).as("seed %d: rollouts with state = 'RUNNING' after the last bot stopped", seed).isZero();
        softly.assertThat(rows.locked()).as("seed %d: rollouts with cluster_lock IS NOT NULL after the last bot stopped", seed).isZero();
    }

    /** The seed, the timeline, the Slack calls, the NCP starts and each process's log tail. */
    String diagnostics() {
        StringBuilder out = new StringBuilder();
        out.append("=== seed ").append(seed).append(" (replay: -Dchaos.seed=").append(seed).append("), files in ").append(dir).append('\n');
        out.append("--- timeline (ms after the submission)\n");
        story.forEach(line -> out.append(String.format("%7s  %s%n", stamp(line.atNanos()), line.text())));
        out.append("--- Slack calls of this seed (auth.test and users.info left out)\n");
        for (Timed t : slack.timeline) {
            if (!t.call().method().equals("auth.test") && !t.call().method().equals("users.info")) {
                out.append(String.format("%7s  [%s] %s%n", stamp(t.atNanos()), processOf(t), describe(t)));
            }
        }
        List<SimulatorJournal.Entry> starts = sim.journal().entries().stream().filter(e -> e.is("rollingRestart")).toList();
        out.append("--- NCP: ").append(sim.journal().entries().size()).append(" requests; rollingRestart: ").append(starts).append('\n');
        for (BotProcess bot : processes) {
            out.append("--- log of ").append(bot).append(", exit status ")
                    .append(bot.exitStatus().isPresent() ? String.valueOf(bot.exitStatus().getAsInt()) : "(alive)")
                    .append(", ").append(bot.log()).append('\n').append(bot.logTail(25)).append('\n');
        }
        return out.toString();
    }

    private String processOf(Timed t) {
        synchronized (processByToken) {
            return processByToken.getOrDefault(t.token(), t.token().isEmpty() ? "-" : "?");
        }
    }

    private static String describe(Timed t) {
        FakeSlackWebApi.Call c = t.call();
        StringBuilder line = new StringBuilder(c.method());
        for (String key : List.of("channel", "ts", "thread_ts", "reply_broadcast", "view_id")) {
            if (!c.param(key).isEmpty()) {
                line.append(' ').append(key).append('=').append(c.param(key));
            }
        }
        if (c.method().equals("chat.postMessage")) {
            line.append(" -> ").append(abbreviate(t.answer(), 80));
        }
        if (!c.param("text").isEmpty()) {
            line.append(" text=\"").append(abbreviate(c.param("text").replace('\n', ' '), 110)).append('"');
        }
        return line.toString();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + "s";
    }

    /** Kills every process of the run still alive and stops the simulator and the fake Slack. */
    @Override
    public void close() throws IOException {
        processes.forEach(BotProcess::close);
        sim.close();
        slack.close();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * What Slack saw of the operation in the channel and in the requester's DMs.
     *
     * @param parents  top-level chat.postMessage calls in the channel (no thread_ts), a scheduled run's own posts left out
     * @param finals   chat.postMessage replies broadcast to the channel in a parent's thread
     * @param dms      chat.postMessage calls whose channel is the requester's user id
     * @param thread   every chat.postMessage in a parent's thread
     */
    record SlackOutcome(List<Timed> parents, List<Timed> finals, List<Timed> dms, List<Timed> thread) {
        static SlackOutcome of(List<Timed> timeline, String channel, String requester) {
            List<Timed> posts = timeline.stream().filter(t -> t.call().method().equals("chat.postMessage")).toList();
            // a scheduled run's reminder and its "did not start" post are top-level too, but no operation's parent
            List<Timed> parents = posts.stream().filter(t -> t.call().param("channel").equals(channel) && t.call().param("thread_ts").isEmpty()
                    && !t.call().param("text").contains("Scheduled ")).toList();
            Set<String> parentTs = parents.stream().map(SlackOutcome::answeredTs).collect(Collectors.toSet());
            Predicate<Timed> inThread = t -> t.call().param("channel").equals(channel) && parentTs.contains(t.call().param("thread_ts"));
            List<Timed> thread = posts.stream().filter(inThread).toList();
            List<Timed> finals = thread.stream().filter(SlackOutcome::broadcast).toList();
            List<Timed> dms = posts.stream().filter(t -> t.call().param("channel").equals(requester)).toList();
            return new SlackOutcome(parents, finals, dms, thread);
        }

        /** A final reply or a message to the requester was sent: the operation is over as far as people can see. */
        boolean ended() {
            return !finals.isEmpty() || !dms.isEmpty();
        }

        /** The ts Slack gave the first parent message, when there is one. */
        String parentTs() {
            return parents.isEmpty() ? "" : answeredTs(parents.get(0));
        }

        private static boolean broadcast(Timed t) {
            String value = t.call().param("reply_broadcast");
            return value.equals("1") || value.equalsIgnoreCase("true");
        }

        private static String answeredTs(Timed t) {
            try {
                JsonObject answer = JsonParser.parseString(t.answer()).getAsJsonObject();
                return answer.has("ts") ? answer.get("ts").getAsString() : "";
            } catch (RuntimeException notJson) {
                return "";
            }
        }

        @Override
        public String toString() {
            return parents.size() + " parent(s), " + thread.size() + " thread post(s) of which " + finals.size() + " final broadcast(s), "
                    + dms.size() + " DM(s) to the requester"
                    + Stream.concat(finals.stream(), dms.stream()).map(t -> " \"" + abbreviate(t.call().param("text").replace('\n', ' '), 90) + "\"")
                            .collect(Collectors.joining(","));
        }
    }
}

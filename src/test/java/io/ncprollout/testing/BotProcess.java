package io.ncprollout.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the packaged bot, {@code java -jar target/ncp-rollout-bot.jar}, as a child process of the test JVM:
 * the real jar, with only the environment it is given, its stdout and stderr in a log file. Tests kill it with
 * SIGKILL ({@link #kill()}, which checks that the exit status says so) or stop it with SIGTERM ({@link #terminate}).
 * Every process still alive when the test JVM exits is killed by a shutdown hook, and {@link #killAll()} kills them
 * at once (for {@code @AfterEach}).
 *
 * <p>The JVM runs C1 only and, once {@link #prepareClassArchive} made one, with a dynamic CDS archive of the jar's
 * classes: a start takes about 1.5 s instead of 2.5 s on the 2-core build machine.
 */
public final class BotProcess implements AutoCloseable {
    /** The shaded jar {@code mvn package} builds, or the one {@code -Dchaos.jar=PATH} names (another build to test). */
    public static final Path JAR = Path.of(System.getProperty("chaos.jar", "target/ncp-rollout-bot.jar")).toAbsolutePath();
    /** Exit status of a process killed by signal 9 (128 + 9). */
    public static final int SIGKILL_STATUS = 137;
    /** Exit status of the JVM after SIGTERM (128 + 15). */
    public static final int SIGTERM_STATUS = 143;

    private static final Pattern UNFINISHED = Pattern.compile("(\\d+) unfinished operation");
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private static volatile Path classArchive;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BotProcess::killAll, "bot-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final long launchedAt;
    private volatile long healthyAt;

    private BotProcess(String name, Process process, Path log, int port, int managementPort, long launchedAt) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
        this.launchedAt = launchedAt;
    }

    /**
     * Starts the jar with exactly {@code env} (plus PATH, HOME and LANG of this JVM), logging to {@code logDir/name.log}.
     *
     * @param env must hold {@code PORT}; the bot answers {@code /healthz} on {@code METRICS_PORT} when the env sets it
     *            (a bot that knows that variable), else on {@code PORT}
     */
    public static BotProcess launch(String name, Map<String, String> env, Path logDir) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto"));
        Path archive = classArchive;
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        return start(name, command, env, logDir);
    }

    /**
     * Once per test JVM: runs the jar with {@code env} until it answers {@code /healthz}, stops it with SIGTERM, and
     * from then on starts every bot with the class archive that run wrote ({@code target/chaos-<size>-<time>.jsa}, named
     * after the jar's size and time, so a rebuilt jar gets a new one). Best effort: without an archive bots start slower.
     */
    public static synchronized void prepareClassArchive(Map<String, String> env, Path logDir) {
        if (classArchive != null || !Files.isRegularFile(JAR)) {
            return;
        }
        Path archive;
        try {
            archive = Path.of("target").toAbsolutePath().resolve("chaos-" + Files.size(JAR) + "-" + Files.getLastModifiedTime(JAR).toMillis() + ".jsa");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isRegularFile(archive)) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off", "-jar", JAR.toString());
            BotProcess warmUp = start("class-archive", command, env, logDir);
            try {
                warmUp.awaitHealthy(Duration.ofSeconds(60));
                warmUp.terminate(Duration.ofSeconds(60));
            } catch (RuntimeException e) {
                warmUp.close();
                System.out.println("[chaos] no class archive, bots start slower: " + e.getMessage());
            }
        }
        if (Files.isRegularFile(archive)) {
            classArchive = archive;
        }
    }

    private static BotProcess start(String name, List<String> command, Map<String, String> env, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> childEnv = builder.environment();
            childEnv.clear();
            for (String inherited : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
                Optional.ofNullable(System.getenv(inherited)).ifPresent(v -> childEnv.put(inherited, v));
            }
            childEnv.putAll(env);
            long launchedAt = System.nanoTime();
            Process process = builder.start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            process.getOutputStream().close();
            int port = Integer.parseInt(env.get("PORT"));
            return new BotProcess(name, process, log, port, Integer.parseInt(env.getOrDefault("METRICS_PORT", String.valueOf(port))), launchedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Kills every bot process this JVM started that is still alive. */
    public static void killAll() {
        for (Process p : LIVE) {
            p.destroyForcibly();
        }
    }

    /**
     * Waits until {@code GET /healthz} answers (any status), and returns when it first did ({@link System#nanoTime()}).
     *
     * @throws IllegalStateException with the log's tail when the process exits first or {@code timeout} passes
     */
    public long awaitHealthy(Duration timeout) {
        if (healthyAt != 0) {
            return healthyAt;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + " before answering /healthz\n"
                        + logTail(40));
            }
            if (healthz().isPresent()) {
                healthyAt = System.nanoTime();
                return healthyAt;
            }
            pause(50);
        }
        throw new IllegalStateException(name + " did not answer /healthz within " + timeout + "\n" + logTail(40));
    }

    /**
     * The health report of {@code GET /healthz} (200 UP or 503 DOWN, with its checks), asked on the management port and
     * then on {@code PORT} (where a bot without {@code METRICS_PORT} serves it); empty when the bot does not answer (yet).
     */
    public Optional<String> healthz() {
        Optional<String> report = healthz(managementPort);
        return report.isPresent() || managementPort == port ? report : healthz(port);
    }

    private static Optional<String> healthz(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            boolean report = (response.statusCode() == 200 || response.statusCode() == 503) && response.body().contains("\"status\"");
            return report ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** How many unfinished operations {@code /healthz} reports the store holds, when it answers and says. */
    public OptionalInt unfinishedOperations() {
        Optional<String> body = healthz();
        if (body.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher m = UNFINISHED.matcher(body.get());
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /**
     * SIGKILL: {@link Process#destroyForcibly()}, which on Linux sends signal 9; waits for the exit and checks that
     * the status is 137 (killed by signal 9), so the bot had no chance to run a shutdown hook.
     *
     * @throws IllegalStateException when the process had already exited on its own, or did not die of SIGKILL
     */
    public void kill() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " had already exited on its own with status " + process.exitValue() + "\n" + logTail(40));
        }
        process.destroyForcibly();
        int status = waitForExit(Duration.ofSeconds(10));
        if (status != SIGKILL_STATUS) {
            throw new IllegalStateException(name + ": destroyForcibly() ended it with status " + status + ", not " + SIGKILL_STATUS + " (SIGKILL)");
        }
    }

    /**
     * SIGTERM ({@link Process#destroy()}): the bot's shutdown hook runs. Waits up to {@code timeout} for the exit, then
     * kills it.
     *
     * @return the exit status, or -1 when it had to be killed
     */
    public int terminate(Duration timeout) {
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
        return -1;
    }

    private int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not exit within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, once exited. */
    public OptionalInt exitStatus() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} at launch. */
    public long launchedAt() {
        return launchedAt;
    }

    /** {@link System#nanoTime()} when {@code /healthz} first answered, or 0 when it has not (or nobody waited). */
    public long healthyAt() {
        return healthyAt;
    }

    public Path log() {
        return log;
    }

    /** The last {@code lines} lines of the process's output. */
    public String logTail(int lines) {
        try {
            List<String> all = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Kills the process if it is still alive. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + ", port " + port + ", management port " + managementPort + "]";
    }
}

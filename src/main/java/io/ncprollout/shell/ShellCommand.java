package io.ncprollout.shell;

import io.ncprollout.Bot;
import io.ncprollout.BotWiring;
import io.ncprollout.NcpBackend;
import io.ncprollout.Storage;
import io.ncprollout.config.BotConfig;
import io.ncprollout.config.ConfigException;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.sim.SimulatorSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar target/ncp-rollout-bot.jar [shell] [--script FILE]}: the whole bot in a terminal, against the
 * embedded NCP simulator and a local fake Slack, for trying it without a Slack app (Hubot's shell adapter, Errbot's
 * text mode).
 *
 * <p>What runs is the production bot built by {@link BotWiring}: the Bolt app receives signed requests
 * ({@link SignedRequests}), its Web API client talks to {@link FakeSlackWebApi} on a loopback port, the poller
 * follows operations on real threads. The signing secret and bot token are random per run and never printed; NCP
 * keys in the environment are ignored (the shell never touches a real cluster); operations are kept in memory.
 */
public final class ShellCommand {
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);

    private ShellCommand() {
    }

    /**
     * Runs the shell until {@code exit} or the end of the input (the terminal, or the {@code --script} file).
     *
     * @return 0 on a normal end; for a script, 1 when an operation did not complete (the reason is printed);
     *         2 for a bad argument or configuration
     */
    public static int run(List<String> args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        ShellOptions options;
        try {
            options = ShellOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(ShellOptions.USAGE);
            return 2;
        }
        if (options.script().isPresent() && !Files.isReadable(options.script().get())) {
            err.println("error: cannot read the script " + options.script().get());
            return 2;
        }
        String botToken = "xoxb-local-" + random(16);
        String signingSecret = random(32);
        Transcript transcript = new Transcript(out);
        FakeSlackWorkspace workspace = new FakeSlackWorkspace(transcript);
        try (QuietLogs quiet = QuietLogs.unlessSet(env);
                FakeSlackWebApi api = FakeSlackWebApi.start(workspace, botToken)) {
            BotConfig config;
            try {
                config = BotConfig.fromEnv(shellEnv(env, botToken, signingSecret, api.apiUrl(), options));
            } catch (ConfigException e) {
                err.println(e.getMessage());
                return 2;
            }
            return runBot(config, options, new LocalSlack(api, workspace, transcript, signingSecret), in, env);
        } catch (IOException | UncheckedIOException e) {
            err.println("shell failed: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The local Slack side of a run: its Web API, its workspace, where it prints, and the run's signing secret. */
    private record LocalSlack(FakeSlackWebApi api, FakeSlackWorkspace workspace, Transcript out, String signingSecret) {
    }

    private static int runBot(BotConfig config, ShellOptions options, LocalSlack slack, InputStream in, Map<String, String> env)
            throws IOException, InterruptedException {
        Transcript out = slack.out();
        Clock clock = Clock.systemUTC();
        NcpBackend ncp = NcpBackend.open(config.ncp(), clock, SimulatorSettings.defaults().withClock(clock).withNodeStep(options.step()));
        Storage storage = Storage.inMemory();
        TrackingExecutor work = new TrackingExecutor(Executors.newFixedThreadPool(4, daemon("shell-work")));
        Bot built;
        try {
            built = BotWiring.build(config, clock, ncp, storage, work);
        } catch (RuntimeException e) {
            // nothing the bot would own is left running: the shell ends instead of hanging on the simulator's threads
            slack.out().say("cannot start: " + e.getMessage());
            work.close();
            storage.close();
            ncp.close();
            return 2;
        }
        try (work; Bot bot = built) {
            // the server's lifecycle: polls, thread notices, heartbeat and housekeeping (approvals expire here too);
            // requests come from this shell instead of a Slack transport
            bot.start(Bot.Transport.IN_PROCESS);
            banner(out, options, env);
            ShellSession.Operations operations = new ShellSession.Operations() {
                @Override
                public List<Rollout> unfinished() {
                    return storage.rollouts().active().stream().map(TrackedRollout::rollout).toList();
                }

                @Override
                public List<Rollout> all() {
                    return Stream.concat(storage.rollouts().recent(1000).stream(), storage.rollouts().active().stream())
                            .map(TrackedRollout::rollout).toList();
                }

                @Override
                public int unfinishedFleets() {
                    return storage.fleets().active().size();
                }

                @Override
                public int scheduledBy(java.time.Instant by) {
                    return (int) storage.schedules().pending().stream().filter(r -> !r.at().isAfter(by)).count();
                }

                @Override
                public List<io.ncprollout.rollout.fleet.Fleet> fleets() {
                    return Stream.concat(storage.fleets().recent(100).stream(), storage.fleets().active().stream()).toList();
                }

                @Override
                public void settle() throws InterruptedException {
                    try {
                        bot.flushNow().get(SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                        out.say("[shell] the last messages may not have gone out: " + e);
                    }
                }
            };
            ShellSession session = new ShellSession(new SignedRequests(bot.app(), slack.signingSecret(), slack.api(), clock),
                    slack.workspace(), out, work, operations, options.timeout());
            return runSession(session, options, in);
        }
    }

    private static int runSession(ShellSession session, ShellOptions options, InputStream in) throws IOException, InterruptedException {
        if (options.script().isPresent()) {
            try (BufferedReader script = Files.newBufferedReader(options.script().get(), StandardCharsets.UTF_8)) {
                return session.run(script, true);
            }
        }
        return session.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), false);
    }

    /** The environment the bot is built from: the caller's, with the local Slack's credentials and without NCP keys. */
    static Map<String, String> shellEnv(Map<String, String> env, String botToken, String signingSecret, String apiUrl, ShellOptions options) {
        Map<String, String> shell = new HashMap<>(env);
        shell.keySet().removeIf(k -> k.startsWith("SLACK_") || k.equals("NCP_ACCESS_KEY") || k.equals("NCP_SECRET_KEY")
                || k.equals("NCP_CDSS_ENDPOINT") || k.equals("NCP_SES_ENDPOINT"));
        shell.put("SLACK_BOT_TOKEN", botToken);
        shell.put("SLACK_SIGNING_SECRET", signingSecret);
        shell.put("SLACK_API_URL", apiUrl);
        shell.put("ROLLOUT_POLL_INTERVAL", options.poll().toMillis() + "ms");
        return shell;
    }

    private static void banner(Transcript out, ShellOptions options, Map<String, String> env) {
        out.say("ncp-rollout-bot local shell (simulated): the real bot against the embedded NCP simulator and a local Slack;");
        out.say("nothing real is touched. You are " + FakeSlackWorkspace.USER + " in channel " + FakeSlackWorkspace.CHANNEL
                + "; nodes take " + options.step().toMillis() / 1000.0 + " s each, the bot polls every " + options.poll().toMillis() / 1000.0 + " s.");
        if (env.containsKey("NCP_ACCESS_KEY") || env.containsKey("NCP_SECRET_KEY")) {
            out.say("NCP keys are set but ignored here: the shell always uses the simulator.");
        }
        out.say("Try: /kafka restart demo-kafka    (/kafka list, /kafka help, help, exit)");
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}

package io.ncprollout;

import io.ncprollout.cli.NcpCommand;
import io.ncprollout.config.BotConfig;
import io.ncprollout.config.ConfigException;
import io.ncprollout.doctor.DoctorCommand;
import io.ncprollout.ops.HealthProbeCommand;
import io.ncprollout.shell.ShellCommand;
import io.ncprollout.sim.SimulatorCommand;
import io.ncprollout.slack.SlackReachability;
import io.ncprollout.store.DatabaseException;
import io.ncprollout.store.DatabaseSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Entry point of {@code target/ncp-rollout-bot.jar}: dispatches to a subcommand. Nothing else. */
public final class Main {
    static final String USAGE = """
            usage: java -jar target/ncp-rollout-bot.jar [command]

              (no command) run the bot: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT at /slack/events;
                        /healthz and /metrics on METRICS_PORT (default: PORT in Socket Mode, 9090 in HTTP mode);
                        without NCP keys the embedded NCP simulator serves;
                        with no SLACK_* variable set, the local shell below
              [shell] [--script FILE] [--step 3s] [--poll 1s] [--timeout 5m]
                        the bot in this terminal against the NCP simulator and a local fake Slack
                        (type /kafka restart demo-kafka); --script runs a file of lines and exits 0
                        when every operation completed

              simulator [--port 8089] [--step 60s] [--config FILE]
                        run the NCP API simulator on its own (CDSS and SES, signed requests),
                        for curl, the bot or any NCP client
              ncp [--region kr|sgn|jpn|krs] <service> <call> [args]
                        one read-only NCP call with the configured keys, printed as JSON
                        ('ncp help' lists the calls)
              doctor    check the Slack token and scopes, NCP keys, clock skew, store and config file;
                        exits 1 when a check fails
              healthcheck [URL]
                        exit 0 when a running bot's /healthz (default http://127.0.0.1:<METRICS_PORT>/healthz) is UP
              help      this text
            """;

    private Main() {
    }

    /** Said when there is neither a Slack app to serve nor a terminal to run the local shell in (docker run without -it). */
    static final String NO_TERMINAL = """
            No SLACK_* variable is set, so the bot would start its local shell, but there is no terminal to type in.
              - to try it: run it in a terminal (docker run -it …), or give it a script: --script FILE
              - to run the bot: set SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)
              - to read commands from standard input anyway: add the word shell
            """;

    private static int runBot(Map<String, String> env, boolean terminal, PrintStream out, PrintStream err) {
        BotConfig config;
        try {
            config = BotConfig.fromEnv(env);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!config.slack().configured()) {
            if (!terminal) {
                err.print(NO_TERMINAL);
                return 2;
            }
            // no Slack to connect to: the local shell, the embedded default
            return ShellCommand.run(List.of(), env, System.in, out, err);
        }
        Clock clock = Clock.systemUTC();
        ExecutorService work = Executors.newFixedThreadPool(8, BotThreads.named("rollout-work"));
        NcpBackend ncp = NcpBackend.open(config.ncp(), clock);
        ncp.simulator().ifPresent(sim -> out.println("NCP keys are not set: the embedded NCP simulator serves at "
                + sim.baseUrl() + "; every message says the cluster is simulated."));
        Bot bot;
        Storage storage = null;
        try {
            storage = Storage.open(DatabaseSettings.of(config.databaseUrl(), config.dataDir(), env));
            out.println("Operations are stored in " + storage.database().orElseThrow().description());
            bot = BotWiring.build(config, clock, ncp, storage, work);
        } catch (IllegalArgumentException | java.io.UncheckedIOException | DatabaseException e) {
            err.println("cannot start: " + e.getMessage());
            if (storage != null) {
                storage.close();
            }
            ncp.close();
            work.shutdownNow();
            return 2;
        }
        SlackReachability.Verdict slack = SlackReachability.check(
                bot.app().slack().methods(config.slack().botToken().orElseThrow()), config.slack().apiUrl());
        if (slack.kind() != SlackReachability.Kind.OK) {
            if (config.slack().socketMode()) {
                // Socket Mode cannot even connect: say which of the two it is (the SDK calls both "the token is invalid")
                err.println("cannot start: " + slack.detail());
                bot.close();
                return 2;
            }
            // HTTP mode: Slack's requests are still verified and acknowledged; /healthz says slack DOWN until it works
            org.slf4j.LoggerFactory.getLogger(Main.class).warn("{}; the bot starts anyway and acknowledges Slack's requests,"
                    + " but cannot open forms or post until it works", slack.detail());
        }
        try {
            bot.start();
        } catch (java.io.UncheckedIOException | io.ncprollout.rollout.tracking.StoreUnavailableException e) {
            err.println("cannot start: " + e.getMessage());
            bot.close();
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM: the bot drains its work (a start being sent gets its answer stored), releases its leases, then
        // closes the store; the bot owns the work pool, so nothing closes under a start.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(Arrays.asList(args), System.getenv(), System.out, System.err);
        } catch (RuntimeException e) {
            // one line, then exit: a stack trace says nothing to the operator, and threads already started
            // (the simulator, the database) must not keep the JVM alive
            System.err.println("cannot start: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            code = 1;
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, System.console() != null, out, err);
    }

    /**
     * @param terminal whether standard input and output are a terminal: without one and without Slack variables there is
     *                 nobody to type into the local shell, so it says how to run instead of ending at once
     */
    static int run(List<String> args, Map<String, String> env, boolean terminal, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            return runBot(env, terminal, out, err);
        }
        if (args.get(0).startsWith("--") && !args.get(0).equals("--help")) {
            return ShellCommand.run(args, env, System.in, out, err);
        }
        if (args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.print(USAGE);
            return 0;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "simulator" -> SimulatorCommand.run(rest.toArray(String[]::new), env, out);
            case "ncp" -> NcpCommand.run(rest, env, out, err, Clock.systemUTC());
            case "doctor" -> DoctorCommand.run(env, out, Clock.systemUTC());
            case "healthcheck" -> HealthProbeCommand.run(rest, env, out, err);
            case "shell" -> ShellCommand.run(rest, env, System.in, out, err);
            default -> {
                err.println("error: unknown command '" + args.get(0) + "'");
                err.print(USAGE);
                yield 2;
            }
        };
    }
}

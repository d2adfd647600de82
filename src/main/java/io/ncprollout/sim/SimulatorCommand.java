package io.ncprollout.sim;

import io.ncprollout.config.DurationText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * The standalone simulator: {@code simulator [--port N] [--step 60s] [--config FILE]}.
 *
 * <p>Keys come from {@code NCP_ACCESS_KEY} / {@code NCP_SECRET_KEY}; when either is unset a random
 * pair is generated and printed (that is its purpose: the printed {@code export} lines point the bot
 * or any NCP client at the simulator). Port defaults to 8089 and the step to 60 s; {@code --step}
 * overrides the config file's {@code nodeStep}. Uses the system clock.
 */
public final class SimulatorCommand {
    static final int DEFAULT_PORT = 8089;
    static final String USAGE = """
            usage: simulator [--port N] [--step DURATION] [--config FILE]
              --port N         TCP port on 127.0.0.1 (default 8089; 0 = any free port)
              --step DURATION  time each node takes in a roll, e.g. 500ms, 15s, 2m or PT1M (default 60s)
              --config FILE    YAML file with more clusters and faults (see SimulatorConfig)
            keys: NCP_ACCESS_KEY and NCP_SECRET_KEY, or a generated pair when they are unset""";

    /** The parsed command line. */
    record Options(int port, Duration step, boolean stepGiven, @Nullable Path config) {
    }

    /** The outcome of {@link #launch}: an exit code, or a running simulator. */
    record Launch(int exitCode, @Nullable NcpSimulator simulator) {
    }

    private SimulatorCommand() {
    }

    /**
     * Starts the simulator and blocks until the thread is interrupted or the JVM shuts down (a shutdown
     * hook closes the server).
     *
     * @return 0 after a normal stop or {@code --help}; 2 for bad arguments or configuration, after printing why
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        Launch launch = launch(args, env, out);
        NcpSimulator simulator = launch.simulator();
        if (simulator == null) {
            return launch.exitCode();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "ncp-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().removeShutdownHook(hook);
            simulator.close();
        }
        return 0;
    }

    /** Parses, starts and prints the connection details; does not block. Package-private for tests. */
    static Launch launch(String[] args, Map<String, String> env, PrintStream out) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            out.println("simulator: " + e.getMessage());
            out.println(USAGE);
            return new Launch(2, null);
        }
        if (options == null) {
            out.println(USAGE);
            return new Launch(0, null);
        }
        SimulatorSettings settings;
        try {
            settings = settings(options, env);
        } catch (RuntimeException e) {
            out.println("simulator: " + e.getMessage());
            return new Launch(2, null);
        }
        NcpSimulator simulator;
        try {
            simulator = NcpSimulator.start(settings);
        } catch (RuntimeException e) {
            out.println("simulator: " + e.getMessage());
            return new Launch(2, null);
        }
        printBanner(out, simulator, generatedKeys(env), settings);
        return new Launch(0, simulator);
    }

    static SimulatorSettings settings(Options options, Map<String, String> env) {
        SimulatorSettings settings = SimulatorSettings.defaults().withPort(options.port());
        String access = env.get("NCP_ACCESS_KEY");
        String secret = env.get("NCP_SECRET_KEY");
        if (!generatedKeys(env) && access != null && secret != null) {
            settings = settings.withKeys(access, secret);
        }
        if (options.config() != null) {
            settings = SimulatorConfig.load(options.config()).applyTo(settings);
        }
        if (options.stepGiven()) {
            settings = settings.withNodeStep(options.step());
        }
        return settings;
    }

    private static boolean generatedKeys(Map<String, String> env) {
        String access = env.get("NCP_ACCESS_KEY");
        String secret = env.get("NCP_SECRET_KEY");
        return access == null || access.isBlank() || secret == null || secret.isBlank();
    }

    /**
     * @return null for {@code --help}
     * @throws IllegalArgumentException naming the bad argument
     */
    static @Nullable Options parse(String[] args) {
        int port = DEFAULT_PORT;
        Duration step = SimulatorSettings.DEMO_NODE_STEP;
        boolean stepGiven = false;
        @Nullable Path config = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (!arg.equals("--port") && !arg.equals("--step") && !arg.equals("--config")) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> port = port(value);
                case "--step" -> {
                    step = DurationText.parse(value);
                    stepGiven = true;
                }
                default -> config = Path.of(value);
            }
        }
        return new Options(port, step, stepGiven, config);
    }

    private static int port(String value) {
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535: '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    /**
     * A signed {@code getClusterInfoList} call as shell lines: the timestamp and the signature are computed when pasted
     * (the string to sign is "METHOD path\ntimestamp\naccessKey", HMAC-SHA256 with the secret key, Base64).
     */
    static String curlExample(String baseUrl, String accessKey, String secretKey) {
        return "  ts=$(date +%s000); p=/api/v1/cluster/getClusterInfoList\n"
                + "  sig=$(printf 'POST %s\\n%s\\n%s' \"$p\" \"$ts\" '" + accessKey + "' | openssl dgst -sha256 -hmac '" + secretKey
                + "' -binary | base64)\n"
                + "  curl -s -X POST '" + baseUrl + "'\"$p\" -H \"x-ncp-apigw-timestamp: $ts\" -H 'x-ncp-iam-access-key: " + accessKey
                + "' -H \"x-ncp-apigw-signature-v2: $sig\" -H 'Content-Type: application/json' -d '{}'\n";
    }

    private static void printBanner(PrintStream out, NcpSimulator sim, boolean generated, SimulatorSettings settings) {
        out.println("NCP simulator (CDSS + SES) listening on " + sim.baseUrl() + ", node step " + settings.nodeStep()
                + ", " + settings.clusters().size() + " clusters");
        if (generated) {
            out.println("NCP_ACCESS_KEY / NCP_SECRET_KEY were not set: generated a key pair for this run.");
        }
        out.println("Point the bot or any NCP client at it:");
        out.println("export NCP_CDSS_ENDPOINT=" + sim.baseUrl());
        out.println("export NCP_SES_ENDPOINT=" + sim.baseUrl());
        out.println("export NCP_ACCESS_KEY=" + sim.accessKey());
        out.println("export NCP_SECRET_KEY=" + sim.secretKey());
        out.println();
        out.println("Try it with the ncp command, which signs each request (in a shell with the exports above):");
        out.println("  java -jar target/ncp-rollout-bot.jar ncp cdss list");
        out.println("  java -jar target/ncp-rollout-bot.jar ncp cdss status demo-kafka");
        out.println("  java -jar target/ncp-rollout-bot.jar ncp ses cluster demo-search");
        out.println("or with curl (openssl signs it; paste the three lines as they are):");
        out.print(curlExample(sim.baseUrl(), sim.accessKey(), sim.secretKey()));
        out.println();
        out.println("Stop with Ctrl-C.");
    }
}

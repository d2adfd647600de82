package io.ncprollout.doctor;

import io.ncprollout.config.BotConfig;
import io.ncprollout.config.ConfigException;
import io.ncprollout.config.NcpConfig;
import io.ncprollout.config.RolloutConfigFile;
import io.ncprollout.config.SlackSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ncp-rollout-bot doctor}: checks what the bot needs before it is started (environment, Slack token and
 * scopes, NCP keys, clock skew, store, configuration file) and prints one table row per check with a fix.
 * Read-only: it makes one {@code auth.test} and one signed NCP list call, and writes nothing.
 *
 * <p>Exit codes: 0 when no check FAILs (WARNs allowed), 1 otherwise.
 */
public final class DoctorCommand {
    private DoctorCommand() {
    }

    public static int run(Map<String, String> env, PrintStream out, Clock clock) {
        List<CheckResult> results = check(env, clock);
        out.print(DoctorTable.render(results));
        boolean healthy = DoctorTable.healthy(results);
        out.println(healthy ? "\nNothing failed: the bot can start." : "\nSome checks failed: see FIX.");
        return healthy ? 0 : 1;
    }

    static List<CheckResult> check(Map<String, String> env, Clock clock) {
        List<CheckResult> results = new ArrayList<>();
        results.add(environment(env));
        results.add(new SlackTokenCheck(slackApiUrl(env), nonBlank(env, "SLACK_BOT_TOKEN")).run(slackVariables(env)));
        NcpConfig ncp;
        try {
            ncp = NcpConfig.fromEnv(env);
        } catch (ConfigException e) {
            results.add(CheckResult.fail(NcpKeysCheck.NAME, String.join("; ", e.problems()), "fix the NCP_* variables"));
            results.add(ClockSkewCheck.evaluate(Optional.empty()));
            ncp = null;
        }
        if (ncp != null) {
            Optional<NcpProbe> probe = ncp.useSimulator() ? Optional.empty() : Optional.of(NcpProbe.run(ncp, clock));
            results.add(NcpKeysCheck.evaluate(probe));
            results.add(ClockSkewCheck.evaluate(probe.flatMap(NcpProbe::lastAttempt)));
        }
        results.add(new DataDirCheck(Path.of(nonBlank(env, "DATA_DIR").orElse("./data")), nonBlank(env, "DATABASE_URL")).run());
        results.add(new ConfigFileCheck(nonBlank(env, "ROLLOUT_CONFIG").map(Path::of)).run());
        if (ncp != null) {
            Optional<io.ncprollout.config.HealthSettings> health = health(env);
            results.addAll(health.isPresent() ? HealthGateCheck.run(health.get(), ncp, env, clock)
                    : List.of(CheckResult.warn(HealthGateCheck.NAME, "not checked: the configuration file is invalid", "fix the config file row first")));
        }
        return results;
    }

    /** The file's health section (none when the file is unset), or empty when the file is broken (its own row says why). */
    private static Optional<io.ncprollout.config.HealthSettings> health(Map<String, String> env) {
        try {
            return Optional.of(nonBlank(env, "ROLLOUT_CONFIG").map(p -> RolloutConfigFile.load(Path.of(p)).health())
                    .orElse(io.ncprollout.config.HealthSettings.none()));
        } catch (io.ncprollout.config.ConfigFileException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static CheckResult environment(Map<String, String> env) {
        try {
            // the file has a row of its own (config file): here only the variables
            BotConfig config = BotConfig.fromEnv(env, path -> RolloutConfigFile.empty());
            String mode = !slackVariables(env) ? "shell mode (no SLACK_* variable: the local shell starts)"
                    : config.slack().socketMode() ? "Socket Mode" : "HTTP mode on port " + config.slack().port();
            return CheckResult.ok("environment", "every variable is valid; " + mode);
        } catch (ConfigException e) {
            return CheckResult.fail("environment", String.join("; ", e.problems()), "set or correct the variables named");
        }
    }

    /** Whether a Slack credential is set, as the bot decides it: without one it is the local shell (shell mode). */
    static boolean slackVariables(Map<String, String> env) {
        return java.util.stream.Stream.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET").anyMatch(k -> nonBlank(env, k).isPresent());
    }

    private static String slackApiUrl(Map<String, String> env) {
        String url = nonBlank(env, "SLACK_API_URL").orElse(SlackSettings.DEFAULT_API_URL);
        return url.endsWith("/") ? url : url + "/";
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}

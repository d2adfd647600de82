package io.ncprollout.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything the bot reads from the environment (DESIGN.md, "Configuration contract"). Pure: built from a
 * map, and {@link #fromEnv} reports every missing or invalid variable in one {@link ConfigException}.
 *
 * @param slack        Slack tokens, transport and Web API base
 * @param ncp          NCP keys, site, region and endpoint overrides
 * @param pollInterval {@code ROLLOUT_POLL_INTERVAL}, default 15s
 * @param stallAfter   {@code ROLLOUT_STALL_AFTER}, default 10m
 * @param databaseUrl  {@code DATABASE_URL}: PostgreSQL for several replicas; empty for the embedded store
 * @param dataDir      {@code DATA_DIR}: folder of the embedded store, default {@code ./data}
 * @param configFile   {@code ROLLOUT_CONFIG}: path of the YAML configuration file, if any
 * @param rules        that file, read and checked (empty without one)
 * @param replica      {@code ROLLOUT_LEASE} and {@code INSTANCE_ID}: how replicas share the operations
 * @param auditRetention {@code AUDIT_RETENTION}: how long audit events, finished operations and decided approvals are
 *                     kept (default 400 days); older ones are purged once a day
 * @param secrets      the values of the environment variables the file's {@code health:} section names (every one must be set)
 */
public record BotConfig(
        SlackSettings slack,
        NcpConfig ncp,
        Duration pollInterval,
        Duration stallAfter,
        Optional<String> databaseUrl,
        String dataDir,
        Optional<String> configFile,
        RolloutConfigFile rules,
        ReplicaSettings replica,
        Duration auditRetention,
        Secrets secrets) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_STALL_AFTER = Duration.ofMinutes(10);
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(20);
    static final Duration MIN_LEASE = Duration.ofSeconds(2);
    static final int MAX_INSTANCE_ID = 200;
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(400);
    /** A shorter retention would purge an operation's trail while people may still ask about it. */
    static final Duration MIN_AUDIT_RETENTION = Duration.ofDays(1);

    /**
     * How this process shares operations with other replicas on one database.
     *
     * @param lease      {@code ROLLOUT_LEASE}, default 20s: how long an operation stays with a replica whose heartbeat
     *                   stopped (it dies, it hangs) before another takes it over
     * @param instanceId {@code INSTANCE_ID} (DESIGN.md's name; {@code ROLLOUT_INSTANCE_ID} is read too): a stable id of this replica (a StatefulSet pod name), with which a
     *                   restarted replica takes its own operations back at once; without it each process is new
     */
    public record ReplicaSettings(Duration lease, Optional<String> instanceId) {
    }

    /**
     * The environment and the {@code ROLLOUT_CONFIG} file it names, read from the disk.
     *
     * @throws ConfigException listing every missing or invalid variable and every problem of the file, together
     */
    public static BotConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, RolloutConfigFile::load);
    }

    /**
     * @param files reads the configuration file ({@link RolloutConfigFile#load} in production), throwing
     *              {@link ConfigFileException} with its problems
     * @throws ConfigException listing every missing or invalid variable and every problem of the file, together
     */
    public static BotConfig fromEnv(Map<String, String> env, Function<Path, RolloutConfigFile> files) {
        List<String> problems = new ArrayList<>();
        SlackSettings slack = SlackSettings.fromEnv(env, problems);
        @Nullable NcpConfig ncp = null;
        try {
            ncp = NcpConfig.fromEnv(env);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        Duration poll = EnvValues.duration(env, "ROLLOUT_POLL_INTERVAL", DEFAULT_POLL_INTERVAL, problems);
        Duration stall = EnvValues.duration(env, "ROLLOUT_STALL_AFTER", DEFAULT_STALL_AFTER, problems);
        if (stall.compareTo(poll) <= 0) {
            problems.add("ROLLOUT_STALL_AFTER (" + stall + ") must be longer than ROLLOUT_POLL_INTERVAL (" + poll + ")");
        }
        Optional<String> databaseUrl = EnvValues.nonBlank(env, "DATABASE_URL");
        databaseUrl.filter(url -> !url.startsWith("jdbc:postgresql:")).ifPresent(url ->
                problems.add("DATABASE_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/rollout"));
        String dataDir = EnvValues.nonBlank(env, "DATA_DIR").orElse("./data");
        Duration lease = EnvValues.duration(env, "ROLLOUT_LEASE", DEFAULT_LEASE, problems);
        if (lease.compareTo(MIN_LEASE) < 0) {
            problems.add("ROLLOUT_LEASE (" + lease + ") must be at least " + MIN_LEASE.toSeconds() + "s");
        }
        Optional<String> instanceId = instanceId(env, problems);
        Optional<String> configFile = EnvValues.nonBlank(env, "ROLLOUT_CONFIG");
        RolloutConfigFile rules = configFile.map(path -> rules(path, files, problems)).orElse(RolloutConfigFile.empty());
        Duration retention = EnvValues.duration(env, "AUDIT_RETENTION", DEFAULT_AUDIT_RETENTION, problems);
        if (retention.compareTo(MIN_AUDIT_RETENTION) < 0) {
            problems.add("AUDIT_RETENTION (" + retention + ") must be at least a day, such as 400d");
        }
        EnvValues.nonBlank(env, "LOG_FORMAT").filter(f -> !f.equals("text") && !f.equals("json")).ifPresent(f ->
                problems.add("LOG_FORMAT='" + f + "' is not a log format: use text (the default) or json"));
        Secrets secrets = secrets(rules.health(), env, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new BotConfig(slack, Objects.requireNonNull(ncp, "ncp problems were thrown above"), poll, stall, databaseUrl, dataDir, configFile, rules,
                new ReplicaSettings(lease, instanceId), retention, secrets);
    }

    /**
     * The environment variables the health gates name, each of which must be set: a gate without its credentials would
     * refuse every start, which is better said now than at the first restart.
     */
    private static Secrets secrets(HealthSettings health, Map<String, String> env, List<String> problems) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<String, Optional<String>> read = (where, name) -> name.ifPresent(n -> {
            Optional<String> value = EnvValues.nonBlank(env, n);
            if (value.isPresent()) {
                values.put(n, value.get());
            } else {
                problems.add("ROLLOUT_CONFIG " + where + " names the environment variable " + n + ", which is not set");
            }
        });
        for (int i = 0; i < health.kafka().size(); i++) {
            HealthSettings.KafkaSecurity s = health.kafka().get(i).security();
            read.accept("health.kafka[" + i + "].security.username_env", s.usernameEnv());
            read.accept("health.kafka[" + i + "].security.password_env", s.passwordEnv());
        }
        for (int i = 0; i < health.opensearch().size(); i++) {
            read.accept("health.opensearch[" + i + "].username_env", health.opensearch().get(i).usernameEnv());
            read.accept("health.opensearch[" + i + "].password_env", health.opensearch().get(i).passwordEnv());
        }
        return Secrets.of(values);
    }

    private static RolloutConfigFile rules(String path, Function<Path, RolloutConfigFile> files, List<String> problems) {
        try {
            return files.apply(Path.of(path));
        } catch (InvalidPathException e) {
            problems.add("ROLLOUT_CONFIG='" + path + "' is not a file path: " + e.getReason());
        } catch (ConfigFileException e) {
            e.problems().forEach(problem -> problems.add("ROLLOUT_CONFIG " + problem));
        }
        return RolloutConfigFile.empty();
    }

    /**
     * {@code INSTANCE_ID}, the name DESIGN.md gives, or {@code ROLLOUT_INSTANCE_ID}, the name earlier releases read;
     * both set to different ids is a mistake to refuse, not to guess at.
     */
    private static Optional<String> instanceId(Map<String, String> env, List<String> problems) {
        Optional<String> named = EnvValues.nonBlank(env, "INSTANCE_ID").map(String::strip);
        Optional<String> earlier = EnvValues.nonBlank(env, "ROLLOUT_INSTANCE_ID").map(String::strip);
        if (named.isPresent() && earlier.isPresent() && !named.equals(earlier)) {
            problems.add("INSTANCE_ID='" + named.get() + "' and ROLLOUT_INSTANCE_ID='" + earlier.get()
                    + "' differ: set INSTANCE_ID only");
        }
        Optional<String> id = named.or(() -> earlier);
        id.filter(i -> i.length() > MAX_INSTANCE_ID || !i.matches("[A-Za-z0-9._:@-]+")).ifPresent(i ->
                problems.add("INSTANCE_ID must be at most " + MAX_INSTANCE_ID + " letters, digits and . _ : @ - (a pod name)"));
        return id;
    }
}

package io.ncprollout.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The raw YAML shapes of the {@code health:} section and their checks into {@link HealthSettings}. */
final class HealthShapes {
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    private static final Set<String> REQUIRE = Set.of("green", "yellow");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:[0-9]{1,5}");
    /** A check runs while a user waits for a modal, and a fleet's wave start waits for it: half a minute at most. */
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);

    private HealthShapes() {
    }

    record Health(List<Kafka> kafka, List<Search> opensearch) {
    }

    record Kafka(List<String> clusters, String bootstrap, Security security, Integer maxUnderReplicated, String timeout) {
    }

    @SuppressWarnings("MemberName") // the keys of the file, as DESIGN.md spells them
    record Security(String protocol, String mechanism, String username_env, String password_env, String truststore) {
    }

    @SuppressWarnings("MemberName") // the keys of the file, as DESIGN.md spells them
    record Search(List<String> clusters, String endpoint, String username_env, String password_env, String ca, String require, String timeout) {
    }

    static HealthSettings health(Health raw, List<String> problems) {
        if (raw == null) {
            return HealthSettings.none();
        }
        List<HealthSettings.KafkaGate> kafka = new ArrayList<>();
        List<Kafka> rawKafka = ConfigShapes.list(raw.kafka());
        for (int i = 0; i < rawKafka.size(); i++) {
            kafka.add(kafka(rawKafka.get(i), "health.kafka[" + i + "]", problems));
        }
        List<HealthSettings.SearchGate> search = new ArrayList<>();
        List<Search> rawSearch = ConfigShapes.list(raw.opensearch());
        for (int i = 0; i < rawSearch.size(); i++) {
            search.add(search(rawSearch.get(i), "health.opensearch[" + i + "]", problems));
        }
        return new HealthSettings(kafka, search);
    }

    private static HealthSettings.KafkaGate kafka(Kafka k, String where, List<String> problems) {
        List<String> clusters = clusters(k.clusters(), where, problems);
        List<String> bootstrap = List.of();
        String text = k.bootstrap() == null ? "auto" : k.bootstrap().trim();
        if (!text.equalsIgnoreCase("auto")) {
            bootstrap = List.of(text.split("\\s*,\\s*"));
            bootstrap.stream().filter(b -> !HOST_PORT.matcher(b).matches())
                    .forEach(b -> problems.add(where + ".bootstrap: '" + b + "' is not host:port (write auto, or \"host:9092,host:9092\")"));
        }
        HealthSettings.KafkaSecurity security = k.security() == null ? HealthSettings.KafkaSecurity.plaintext() : security(k.security(), where + ".security", problems);
        int max = k.maxUnderReplicated() == null ? 0 : k.maxUnderReplicated();
        if (max < 0) {
            problems.add(where + ".maxUnderReplicated: " + max + " is negative (0 means none tolerated)");
        }
        return new HealthSettings.KafkaGate(clusters, bootstrap, security, Math.max(0, max), timeout(k.timeout(), where, problems));
    }

    private static HealthSettings.KafkaSecurity security(Security s, String where, List<String> problems) {
        String protocol = s.protocol() == null ? "PLAINTEXT" : s.protocol().trim().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            problems.add(where + ".protocol: '" + s.protocol() + "' is not one of " + PROTOCOLS.stream().sorted().toList());
        }
        Optional<String> mechanism = Optional.ofNullable(s.mechanism()).map(m -> m.trim().toUpperCase(Locale.ROOT));
        boolean sasl = protocol.startsWith("SASL_");
        if (sasl) {
            if (mechanism.isEmpty()) {
                problems.add(where + ".mechanism: SASL needs one of " + MECHANISMS.stream().sorted().toList());
            } else if (!MECHANISMS.contains(mechanism.get())) {
                problems.add(where + ".mechanism: '" + s.mechanism() + "' is not one of " + MECHANISMS.stream().sorted().toList());
            }
            if (s.username_env() == null || s.password_env() == null) {
                problems.add(where + ": SASL needs username_env and password_env, the names of the environment variables that hold them");
            }
        } else if (mechanism.isPresent() || s.username_env() != null || s.password_env() != null) {
            problems.add(where + ": mechanism, username_env and password_env are for SASL_PLAINTEXT or SASL_SSL, not " + protocol);
        }
        if (s.truststore() != null && !protocol.endsWith("SSL")) {
            problems.add(where + ".truststore: only used over TLS (SSL or SASL_SSL), not " + protocol);
        }
        return new HealthSettings.KafkaSecurity(protocol, mechanism, envName(s.username_env(), where + ".username_env", problems),
                envName(s.password_env(), where + ".password_env", problems), path(s.truststore()));
    }

    private static HealthSettings.SearchGate search(Search s, String where, List<String> problems) {
        List<String> clusters = clusters(s.clusters(), where, problems);
        List<URI> endpoints = new ArrayList<>();
        String text = s.endpoint() == null ? "auto" : s.endpoint().trim();
        if (!text.equalsIgnoreCase("auto")) {
            for (String e : text.split("\\s*,\\s*")) {
                try {
                    URI uri = new URI(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
                    if (uri.getUserInfo() != null) {
                        problems.add(where + ".endpoint: no user or password in the URL (value not shown); use username_env and password_env");
                        continue;
                    }
                    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                        throw new java.net.URISyntaxException(e, "not an http(s) URL with a host");
                    }
                    endpoints.add(uri);
                } catch (java.net.URISyntaxException ex) {
                    problems.add(where + ".endpoint: '" + e + "' is not an https://host:port URL (or write auto)");
                }
            }
        }
        if ((s.username_env() == null) != (s.password_env() == null)) {
            problems.add(where + ": give both username_env and password_env, or neither");
        }
        String require = s.require() == null ? "green" : s.require().trim().toLowerCase(Locale.ROOT);
        if (!REQUIRE.contains(require)) {
            problems.add(where + ".require: '" + s.require() + "' is not green or yellow (red never passes)");
            require = "green";
        }
        return new HealthSettings.SearchGate(clusters, endpoints, envName(s.username_env(), where + ".username_env", problems),
                envName(s.password_env(), where + ".password_env", problems), path(s.ca()), require, timeout(s.timeout(), where, problems));
    }

    private static List<String> clusters(List<String> globs, String where, List<String> problems) {
        if (globs == null || globs.isEmpty()) {
            problems.add(where + ".clusters is missing or empty (globs on the cluster name: [\"orders-*\"])");
            return List.of();
        }
        return globs;
    }

    private static Optional<String> envName(String name, String where, List<String> problems) {
        if (name == null) {
            return Optional.empty();
        }
        if (!ENV_NAME.matcher(name).matches()) {
            // the value is not repeated: what is there by mistake is often the secret itself
            problems.add(where + ": not the name of an environment variable (value not shown); write the variable's name, never the secret");
        }
        return Optional.of(name);
    }

    private static Optional<Path> path(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Path.of(text.trim()));
    }

    private static Duration timeout(String text, String where, List<String> problems) {
        if (text == null) {
            return HealthSettings.DEFAULT_TIMEOUT;
        }
        try {
            Duration d = DurationText.parse(text);
            if (d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
                problems.add(where + ".timeout: " + text + " is not between 1s and 30s");
                return HealthSettings.DEFAULT_TIMEOUT;
            }
            return d;
        } catch (IllegalArgumentException e) {
            problems.add(where + ".timeout: " + e.getMessage());
            return HealthSettings.DEFAULT_TIMEOUT;
        }
    }
}

package io.ncprollout.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code health:} section of the configuration file: the data-level gates beyond NCP's precheck, per cluster
 * glob. The first rule whose globs match a cluster's name is its gate; a cluster no rule matches has none. Secrets are
 * never in the file: it names the environment variables that hold them.
 *
 * <pre>
 * health:
 *   kafka:
 *     - clusters: ["orders-*"]
 *       bootstrap: auto            # from CDSS getBrokerInfo, or "host:9092,host:9092"
 *       security: { protocol: SASL_SSL, mechanism: SCRAM-SHA-512, username_env: KAFKA_USER,
 *                   password_env: KAFKA_PASSWORD, truststore: /etc/kafka/ca.pem }
 *       maxUnderReplicated: 0
 *       timeout: 10s
 *   opensearch:
 *     - clusters: ["search-*"]
 *       endpoint: auto             # from SES getClusterInfo, or https://host:9200
 *       username_env: OPENSEARCH_USER
 *       password_env: OPENSEARCH_PASSWORD
 *       ca: /etc/opensearch/ca.pem # optional: the CAs to trust, PEM
 *       require: green             # or yellow
 * </pre>
 */
public record HealthSettings(List<KafkaGate> kafka, List<SearchGate> opensearch) {
    /** How long one gate check may take when the rule does not say. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public HealthSettings {
        kafka = List.copyOf(kafka);
        opensearch = List.copyOf(opensearch);
    }

    public static HealthSettings none() {
        return new HealthSettings(List.of(), List.of());
    }

    public boolean isEmpty() {
        return kafka.isEmpty() && opensearch.isEmpty();
    }

    /**
     * A Kafka gate.
     *
     * @param clusters           globs on the cluster name
     * @param bootstrap          {@code host:port} entries; empty for {@code auto} (CDSS getBrokerInfo)
     * @param security           how to connect
     * @param maxUnderReplicated how many under-replicated partitions still pass
     * @param timeout            the most one check may take
     */
    public record KafkaGate(List<String> clusters, List<String> bootstrap, KafkaSecurity security, int maxUnderReplicated, Duration timeout) {
        public KafkaGate {
            clusters = List.copyOf(clusters);
            bootstrap = List.copyOf(bootstrap);
            Objects.requireNonNull(security, "security == null");
            Objects.requireNonNull(timeout, "timeout == null");
        }

        public boolean auto() {
            return bootstrap.isEmpty();
        }
    }

    /**
     * How the gate connects to Kafka.
     *
     * @param protocol    {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
     * @param mechanism   the SASL mechanism ({@code PLAIN}, {@code SCRAM-SHA-256}, {@code SCRAM-SHA-512}) when SASL
     * @param usernameEnv the environment variable holding the SASL user
     * @param passwordEnv the environment variable holding the SASL password
     * @param truststore  a PEM file of the CAs to trust over TLS, else the JVM's own
     */
    public record KafkaSecurity(String protocol, Optional<String> mechanism, Optional<String> usernameEnv, Optional<String> passwordEnv,
            Optional<Path> truststore) {
        public KafkaSecurity {
            Objects.requireNonNull(protocol, "protocol == null");
            Objects.requireNonNull(mechanism, "mechanism == null");
            Objects.requireNonNull(usernameEnv, "usernameEnv == null");
            Objects.requireNonNull(passwordEnv, "passwordEnv == null");
            Objects.requireNonNull(truststore, "truststore == null");
        }

        public static KafkaSecurity plaintext() {
            return new KafkaSecurity("PLAINTEXT", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public boolean tls() {
            return protocol.endsWith("SSL");
        }

        public boolean sasl() {
            return protocol.startsWith("SASL_");
        }
    }

    /**
     * An OpenSearch gate.
     *
     * @param clusters    globs on the cluster name
     * @param endpoints   base URIs; empty for {@code auto} (SES getClusterInfo, over HTTPS)
     * @param usernameEnv the environment variable holding the user
     * @param passwordEnv the environment variable holding the password
     * @param ca          a PEM file of the CAs to trust, else the JVM's own
     * @param require     {@code green} or {@code yellow}
     * @param timeout     the most one check may take
     */
    public record SearchGate(List<String> clusters, List<URI> endpoints, Optional<String> usernameEnv, Optional<String> passwordEnv, Optional<Path> ca,
            String require, Duration timeout) {
        public SearchGate {
            clusters = List.copyOf(clusters);
            endpoints = List.copyOf(endpoints);
            Objects.requireNonNull(usernameEnv, "usernameEnv == null");
            Objects.requireNonNull(passwordEnv, "passwordEnv == null");
            Objects.requireNonNull(ca, "ca == null");
            Objects.requireNonNull(require, "require == null");
            Objects.requireNonNull(timeout, "timeout == null");
        }

        public boolean auto() {
            return endpoints.isEmpty();
        }
    }
}

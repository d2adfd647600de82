package io.ncprollout.health;

import io.ncprollout.config.HealthSettings.KafkaSecurity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pure: the Kafka client properties of a gate's {@code security:} setting, with the SASL secrets read from the
 * environment variables it names. The properties hold the password, so they go to the client and nowhere else.
 */
final class KafkaClientSettings {
    private KafkaClientSettings() {
    }

    /**
     * The properties for {@code security}.
     *
     * @param env reads an environment variable
     * @throws ProbeException naming the variable (never its value) when one the setting names is unset
     */
    static Map<String, String> of(KafkaSecurity security, Function<String, Optional<String>> env) throws ProbeException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", security.protocol());
        if (security.sasl()) {
            String mechanism = security.mechanism().orElse("PLAIN");
            String user = secret(security.usernameEnv(), env, "username_env");
            String password = secret(security.passwordEnv(), env, "password_env");
            String module = mechanism.startsWith("SCRAM")
                    ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            props.put("sasl.mechanism", mechanism);
            props.put("sasl.jaas.config", module + " required username=\"" + quoted(user) + "\" password=\"" + quoted(password) + "\";");
        }
        security.truststore().ifPresent(path -> {
            props.put("ssl.truststore.type", "PEM");
            props.put("ssl.truststore.location", path.toString());
        });
        return props;
    }

    private static String secret(Optional<String> variable, Function<String, Optional<String>> env, String key) throws ProbeException {
        if (variable.isEmpty()) {
            throw new ProbeException("the health gate's security setting has no " + key);
        }
        Optional<String> value = env.apply(variable.get());
        if (value.isEmpty() || value.get().isBlank()) {
            throw new ProbeException("the environment variable " + variable.get() + " (the gate's " + key + ") is not set");
        }
        return value.get();
    }

    /** JAAS quotes: a backslash and a double quote are escaped. */
    static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

package io.ncprollout.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The user's words for what went wrong reading a Kafka cluster. Each names the bootstrap and the admin call that
 * failed; none holds a secret: Kafka's own message is only quoted after every secret value of the target's client
 * settings (a password, the JAAS line and the passwords inside it) is masked, and no Kafka exception is kept as the
 * cause (its message could not be masked wherever it is printed later).
 */
final class KafkaProbeFailures {
    private static final Pattern JAAS_SECRET = Pattern.compile("(?i)(password|secret|token)\\s*=\\s*\"([^\"]*)\"");

    private final String bootstrap;
    private final Duration timeout;
    private final List<String> secrets;

    KafkaProbeFailures(KafkaTarget target) {
        this.bootstrap = target.bootstrap();
        this.timeout = target.timeout();
        this.secrets = secretValues(target.clientProperties());
    }

    /** The call did not finish before the read's deadline. */
    ProbeException timedOut(String call) {
        return new ProbeException("Kafka at " + bootstrap + " did not answer within " + text(timeout) + " (" + call + ")");
    }

    /** The admin client could not be made from the target's settings (a bad setting, no resolvable address). */
    ProbeException notStarted(Throwable error) {
        return new ProbeException("Kafka client for " + bootstrap + " could not start: " + quote(root(error)));
    }

    /** The call failed with {@code error} (the cause of the future's failure). */
    ProbeException failed(String call, Throwable error) {
        Throwable e = error;
        if (e instanceof TimeoutException) {
            return timedOut(call);
        }
        if (e instanceof SaslAuthenticationException) {
            return new ProbeException("Kafka at " + bootstrap + " refused the credentials (SASL authentication failed)");
        }
        if (e instanceof SslAuthenticationException) {
            return new ProbeException("Kafka at " + bootstrap + " failed the TLS handshake (" + call + "): check ssl.* and the CA");
        }
        if (e instanceof AuthorizationException) {
            return new ProbeException("Kafka at " + bootstrap + " does not allow this user to " + call + " (an ACL is missing)");
        }
        if (e instanceof UnsupportedVersionException) {
            return new ProbeException("Kafka at " + bootstrap + " does not support " + call + " (broker too old?)");
        }
        return new ProbeException("Kafka at " + bootstrap + " failed " + call + ": " + quote(e));
    }

    /** The read was interrupted (the bot is stopping). */
    ProbeException interrupted(String call) {
        return new ProbeException("Reading Kafka at " + bootstrap + " was interrupted (" + call + ")");
    }

    /** {@code SimpleName: message}, with every secret value masked. */
    String quote(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return mask(text);
    }

    String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }

    /** {@code 10s}, or {@code 1500ms} when not whole seconds. */
    static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static Throwable root(Throwable e) {
        Throwable r = e;
        for (Throwable c = r.getCause(); c != null && c != r; c = r.getCause()) {
            r = c;
        }
        return r;
    }

    /**
     * The values to mask: every setting whose key speaks of a password, secret, key or JAAS, whole, and the quoted
     * passwords inside a JAAS line. Longest first, so that a value holding another is masked whole.
     */
    static List<String> secretValues(Map<String, String> clientProperties) {
        List<String> values = new ArrayList<>();
        clientProperties.forEach((key, value) -> {
            String k = key.toLowerCase(Locale.ROOT);
            boolean secret = k.contains("password") || k.contains("secret") || k.contains("jaas") || k.endsWith(".key") || k.contains("token");
            if (secret && !value.isBlank()) {
                values.add(value);
                Matcher m = JAAS_SECRET.matcher(value);
                while (m.find()) {
                    if (!m.group(2).isEmpty()) {
                        values.add(m.group(2));
                    }
                }
            }
        });
        values.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return List.copyOf(values);
    }
}

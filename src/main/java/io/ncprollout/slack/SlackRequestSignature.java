package io.ncprollout.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Pure: Slack's request signature ({@code X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" +
 * rawBody))}), checked by our HTTP adapter before Bolt sees the request. The comparison is constant-time
 * ({@link MessageDigest#isEqual}), so the time taken says nothing about how many leading characters of a forged
 * signature were right; and the timestamp must lie within {@value #MAX_SKEW_MINUTES} minutes of our clock in
 * either direction (Bolt refuses only old ones, yet a timestamp from the future is as replayable).
 */
public final class SlackRequestSignature {
    static final int MAX_SKEW_MINUTES = 5;
    private static final Duration MAX_SKEW = Duration.ofMinutes(MAX_SKEW_MINUTES);
    private static final String VERSION = "v0";

    private final byte[] secret;

    /** @param signingSecret the app's signing secret ({@code SLACK_SIGNING_SECRET}); never logged */
    public SlackRequestSignature(String signingSecret) {
        Objects.requireNonNull(signingSecret, "signingSecret == null");
        if (signingSecret.isEmpty()) {
            throw new IllegalArgumentException("the signing secret is empty");
        }
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * True when {@code signature} is the signature of {@code rawBody} at {@code timestamp} and {@code timestamp}
     * is within 5 minutes of {@code now}. A missing or malformed header is simply false.
     *
     * @param timestamp the {@code X-Slack-Request-Timestamp} header (epoch seconds), if any
     * @param signature the {@code X-Slack-Signature} header, if any
     * @param rawBody   the body exactly as received, before any decoding
     */
    public boolean verify(@Nullable String timestamp, @Nullable String signature, byte[] rawBody, Instant now) {
        if (timestamp == null || signature == null || !fresh(timestamp.trim(), now)) {
            return false;
        }
        byte[] expected = sign(timestamp.trim(), rawBody).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code v0=} and the hex HMAC of {@code "v0:" + timestamp + ":" + rawBody}. */
    String sign(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean fresh(String timestamp, Instant now) {
        try {
            long seconds = Long.parseLong(timestamp);
            return Math.abs(now.getEpochSecond() - seconds) <= MAX_SKEW.getSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package io.ncprollout.sim;

import io.ncprollout.ncp.NcpSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pure: the API gateway's signature v2 check (ncp-api.md §1). In order: the access key header equals
 * the configured key; the timestamp header is present, numeric and less than 5 minutes from now
 * ("5 minutes or more" apart is invalid); the signature header equals
 * {@link NcpSigner#sign} of the method and raw request target ({@code rawPath} plus {@code ?rawQuery}
 * when there is a query). The reason names the failed check and never contains the expected signature.
 */
final class GatewayAuth {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final NcpSigner signer;

    GatewayAuth(NcpSigner signer) {
        this.signer = signer;
    }

    /**
     * @param header returns a request header's value, or null when absent
     * @return the reason the call is rejected, or empty when it is authentic
     */
    Optional<String> check(String method, String rawTarget, Function<String, @Nullable String> header, Instant now) {
        String accessKey = header.apply(NcpSigner.HEADER_ACCESS_KEY);
        String timestamp = header.apply(NcpSigner.HEADER_TIMESTAMP);
        String signature = header.apply(NcpSigner.HEADER_SIGNATURE);
        if (accessKey == null || accessKey.isEmpty()) {
            return Optional.of("missing header " + NcpSigner.HEADER_ACCESS_KEY);
        }
        if (!constantTimeEquals(accessKey, signer.accessKey())) {
            return Optional.of("unknown access key");
        }
        if (timestamp == null || timestamp.isEmpty()) {
            return Optional.of("missing header " + NcpSigner.HEADER_TIMESTAMP);
        }
        if (!timestamp.matches("\\d{1,18}")) {
            return Optional.of(NcpSigner.HEADER_TIMESTAMP + " is not epoch milliseconds");
        }
        long millis = Long.parseLong(timestamp);
        if (Math.abs(now.toEpochMilli() - millis) >= MAX_SKEW.toMillis()) {
            return Optional.of(NcpSigner.HEADER_TIMESTAMP + " is 5 minutes or more away from the gateway clock");
        }
        if (signature == null || signature.isEmpty()) {
            return Optional.of("missing header " + NcpSigner.HEADER_SIGNATURE);
        }
        if (!constantTimeEquals(signature, signer.sign(method, rawTarget, millis))) {
            return Optional.of("signature does not match the request method, URI, timestamp and access key");
        }
        return Optional.empty();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

package io.ncprollout.ncp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The NCP API Gateway signature v2: a pure function of the request line, the timestamp and the keys.
 *
 * <pre>
 * stringToSign = METHOD + " " + pathWithQuery + "\n" + epochMillis + "\n" + accessKey
 * signature    = Base64( HMAC-SHA256( key = UTF-8(secretKey), UTF-8(stringToSign) ) )
 * </pre>
 *
 * <p>{@code pathWithQuery} is the request target exactly as sent on the wire (region prefix included,
 * query string percent-encoded, no {@code ?} when there is no query). The body is not signed. The
 * caller must send the same {@code epochMillis} in {@code x-ncp-apigw-timestamp} and make a fresh one
 * for every attempt.
 *
 * <p>{@link #toString()} never shows the secret key.
 */
public final class NcpSigner {
    public static final String HEADER_TIMESTAMP = "x-ncp-apigw-timestamp";
    public static final String HEADER_ACCESS_KEY = "x-ncp-iam-access-key";
    public static final String HEADER_SIGNATURE = "x-ncp-apigw-signature-v2";

    private static final String ALGORITHM = "HmacSHA256";

    private final String accessKey;
    private final SecretKeySpec key;

    /**
     * @throws IllegalArgumentException if either key is blank
     */
    public NcpSigner(String accessKey, String secretKey) {
        Objects.requireNonNull(accessKey, "accessKey == null");
        Objects.requireNonNull(secretKey, "secretKey == null");
        if (accessKey.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException("NCP access key and secret key must not be blank");
        }
        this.accessKey = accessKey;
        this.key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Returns the Base64 signature (44 characters) of {@code method pathWithQuery} at {@code epochMillis}. */
    public String sign(String method, String pathWithQuery, long epochMillis) {
        String message = stringToSign(method, pathWithQuery, epochMillis, accessKey);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is mandatory on every Java platform; this cannot happen on a conforming JVM.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The exact text that is signed; exposed so tests and the simulator can show it on a mismatch. */
    public static String stringToSign(String method, String pathWithQuery, long epochMillis, String accessKey) {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + pathWithQuery + "\n" + epochMillis + "\n" + accessKey;
    }

    public String accessKey() {
        return accessKey;
    }

    @Override
    public String toString() {
        return "NcpSigner[accessKey=" + accessKey + ", secretKey=***]";
    }
}

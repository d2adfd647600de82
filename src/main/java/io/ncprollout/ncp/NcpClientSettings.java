package io.ncprollout.ncp;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link NcpClients#create} needs. {@link #toString()} masks both keys.
 *
 * @param accessKey      NCP API access key (main or sub account)
 * @param secretKey      the matching secret key
 * @param endpoints      gateway hosts of the site
 * @param clock          source of the signature timestamps (and of durations in logs)
 * @param retryPolicy    how reads are retried; mutations never are
 * @param sleeper        waits between read retries
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout    socket read (and write) timeout; a whole call is bounded by
 *                       {@code connectTimeout + 2 × readTimeout}
 */
public record NcpClientSettings(
        String accessKey,
        String secretKey,
        NcpEndpoints endpoints,
        Clock clock,
        RetryPolicy retryPolicy,
        Sleeper sleeper,
        Duration connectTimeout,
        Duration readTimeout) {
    public NcpClientSettings {
        Objects.requireNonNull(accessKey, "accessKey == null");
        Objects.requireNonNull(secretKey, "secretKey == null");
        Objects.requireNonNull(endpoints, "endpoints == null");
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(retryPolicy, "retryPolicy == null");
        Objects.requireNonNull(sleeper, "sleeper == null");
        Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        Objects.requireNonNull(readTimeout, "readTimeout == null");
    }

    /** Default retries ({@link RetryPolicy#defaults()}), real sleeping, 5 s connect and 30 s read timeouts. */
    public static NcpClientSettings defaults(String accessKey, String secretKey, NcpEndpoints endpoints, Clock clock) {
        return new NcpClientSettings(accessKey, secretKey, endpoints, clock, RetryPolicy.defaults(), Sleeper.SYSTEM,
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** Bound on one whole call, body included. */
    Duration callTimeout() {
        return connectTimeout.plus(readTimeout.multipliedBy(2));
    }

    @Override
    public String toString() {
        return "NcpClientSettings[accessKey=" + mask(accessKey) + ", secretKey=***, endpoints=" + endpoints
                + ", retryPolicy=" + retryPolicy + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + "]";
    }

    private static String mask(String key) {
        return key.length() <= 8 ? "***" : key.substring(0, 4) + "***";
    }
}

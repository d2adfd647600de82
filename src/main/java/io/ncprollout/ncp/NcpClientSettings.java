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
 * @param maxRequestsPerSecond global cap on HTTP attempts (retries included) of these clients, shared by every
 *                       thread; {@link Double#POSITIVE_INFINITY} for none ({@code NCP_MAX_REQUESTS_PER_SECOND})
 */
public record NcpClientSettings(
        String accessKey,
        String secretKey,
        NcpEndpoints endpoints,
        Clock clock,
        RetryPolicy retryPolicy,
        Sleeper sleeper,
        Duration connectTimeout,
        Duration readTimeout,
        double maxRequestsPerSecond) {
    /**
     * The default cap: NCP publishes no rate limit (ncp-api.md §1.5) but throttles with HTTP 429. One progress poll
     * is two requests, so 20/s lets 150 operations poll every 15 s with room left for modals and starts.
     */
    public static final double DEFAULT_MAX_REQUESTS_PER_SECOND = 20;

    public NcpClientSettings {
        Objects.requireNonNull(accessKey, "accessKey == null");
        Objects.requireNonNull(secretKey, "secretKey == null");
        Objects.requireNonNull(endpoints, "endpoints == null");
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(retryPolicy, "retryPolicy == null");
        Objects.requireNonNull(sleeper, "sleeper == null");
        Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        Objects.requireNonNull(readTimeout, "readTimeout == null");
        if (!(maxRequestsPerSecond > 0)) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be positive: " + maxRequestsPerSecond);
        }
    }

    /** Settings without a rate cap (tests and tools that make a handful of calls). */
    public NcpClientSettings(String accessKey, String secretKey, NcpEndpoints endpoints, Clock clock, RetryPolicy retryPolicy,
            Sleeper sleeper, Duration connectTimeout, Duration readTimeout) {
        this(accessKey, secretKey, endpoints, clock, retryPolicy, sleeper, connectTimeout, readTimeout, Double.POSITIVE_INFINITY);
    }

    /**
     * Default retries ({@link RetryPolicy#defaults()}), real sleeping, 5 s connect and 30 s read timeouts, at most
     * {@value #DEFAULT_MAX_REQUESTS_PER_SECOND} requests per second.
     */
    public static NcpClientSettings defaults(String accessKey, String secretKey, NcpEndpoints endpoints, Clock clock) {
        return new NcpClientSettings(accessKey, secretKey, endpoints, clock, RetryPolicy.defaults(), Sleeper.SYSTEM,
                Duration.ofSeconds(5), Duration.ofSeconds(30), DEFAULT_MAX_REQUESTS_PER_SECOND);
    }

    /** These settings with another cap on requests per second ({@link Double#POSITIVE_INFINITY} for none). */
    public NcpClientSettings withMaxRequestsPerSecond(double maxRequestsPerSecond) {
        return new NcpClientSettings(accessKey, secretKey, endpoints, clock, retryPolicy, sleeper, connectTimeout, readTimeout,
                maxRequestsPerSecond);
    }

    /** The limiter of {@link #maxRequestsPerSecond()}: requests spaced evenly, no burst. */
    RateLimiter rateLimiter() {
        return Double.isInfinite(maxRequestsPerSecond) ? RateLimiter.unlimited() : new RateLimiter(maxRequestsPerSecond, 1);
    }

    /** Bound on one whole call, body included. */
    Duration callTimeout() {
        return connectTimeout.plus(readTimeout.multipliedBy(2));
    }

    @Override
    public String toString() {
        return "NcpClientSettings[accessKey=" + mask(accessKey) + ", secretKey=***, endpoints=" + endpoints
                + ", retryPolicy=" + retryPolicy + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", maxRequestsPerSecond=" + maxRequestsPerSecond + "]";
    }

    private static String mask(String key) {
        return key.length() <= 8 ? "***" : key.substring(0, 4) + "***";
    }
}

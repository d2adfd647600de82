package io.ncprollout.ncp;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.OkHttpClient;

/**
 * The NCP clients of one account: builds the one shared {@link OkHttpClient} (timeouts and the
 * signing interceptor) and hands out one {@link CdssClient} and one {@link SesClient} per region.
 * Thread-safe. {@link #close()} releases the HTTP threads and pooled connections.
 */
public final class NcpClients implements AutoCloseable {
    private final OkHttpClient okHttp;
    private final NcpHttp http;
    private final NcpEndpoints endpoints;
    private final Map<NcpRegion, CdssClient> cdss = new ConcurrentHashMap<>();
    private final Map<NcpRegion, SesClient> ses = new ConcurrentHashMap<>();

    private NcpClients(OkHttpClient okHttp, NcpHttp http, NcpEndpoints endpoints) {
        this.okHttp = okHttp;
        this.http = http;
        this.endpoints = endpoints;
    }

    /**
     * Builds the clients.
     *
     * @throws IllegalArgumentException if either key is blank
     */
    public static NcpClients create(NcpClientSettings settings) {
        Objects.requireNonNull(settings, "settings == null");
        NcpSigner signer = new NcpSigner(settings.accessKey(), settings.secretKey());
        OkHttpClient okHttp = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .addInterceptor(new NcpSigningInterceptor(signer, settings.clock()))
                .build();
        NcpHttp http = new NcpHttp(okHttp, settings.retryPolicy(), settings.sleeper(), settings.clock(),
                () -> ThreadLocalRandom.current().nextDouble(),
                new Redactor(settings.accessKey(), settings.secretKey()));
        // monotonic time for the cap: the settings' clock may be a test's hand-moved clock
        http.rateLimit(settings.rateLimiter(), System::nanoTime);
        return new NcpClients(okHttp, http, settings.endpoints());
    }

    /** The CDSS client for {@code region} (the same instance on every call). */
    /** The clock the clients sign and time out with. */
    java.time.Clock clock() {
        return http.clock();
    }

    public CdssClient cdss(NcpRegion region) {
        return cdss.computeIfAbsent(region, r -> new CdssClient(http, endpoints.cdssBase(r)));
    }

    /** The SES client for {@code region} (the same instance on every call). */
    public SesClient ses(NcpRegion region) {
        return ses.computeIfAbsent(region, r -> new SesClient(http, endpoints.sesBase(r)));
    }

    /**
     * Tells {@code listener} about every HTTP attempt from now on (replacing the previous one). For metrics
     * and the doctor's clock-skew check; see {@link NcpCallListener} for its contract.
     */
    public void setCallListener(NcpCallListener listener) {
        http.listener(listener);
    }

    /** Stops the dispatcher threads and closes idle connections; in-flight calls may fail. */
    @Override
    public void close() {
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}

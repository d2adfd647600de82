package io.ncprollout.ncp;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the three API Gateway headers ({@code x-ncp-apigw-timestamp}, {@code x-ncp-iam-access-key},
 * {@code x-ncp-apigw-signature-v2}) to every request. The timestamp is read from the clock each time
 * the call executes, so a retried read is signed afresh. The signed URI is the encoded path plus
 * {@code ?} and the encoded query when there is one: exactly the request target on the wire.
 */
final class NcpSigningInterceptor implements Interceptor {
    private final NcpSigner signer;
    private final Clock clock;

    NcpSigningInterceptor(NcpSigner signer, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long timestamp = clock.millis();
        String signature = signer.sign(request.method(), requestTarget(request.url()), timestamp);
        return chain.proceed(request.newBuilder()
                .header(NcpSigner.HEADER_TIMESTAMP, Long.toString(timestamp))
                .header(NcpSigner.HEADER_ACCESS_KEY, signer.accessKey())
                .header(NcpSigner.HEADER_SIGNATURE, signature)
                .build());
    }

    /** The path and query as OkHttp writes them on the request line. */
    static String requestTarget(HttpUrl url) {
        String query = url.encodedQuery();
        return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
    }
}

package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NcpSigningInterceptorTest {
    private final NcpTestServer ncp = new NcpTestServer();
    private final NcpSigner signer = new NcpSigner(NcpTestServer.ACCESS_KEY, NcpTestServer.SECRET_KEY);

    @AfterEach
    void tearDown() throws Exception {
        ncp.close();
    }

    @Test
    void post_addsTheThreeHeaders_signedOverPathAtClockTime() {
        // GIVEN a gateway that accepts the call
        ncp.respond("action-success.json");

        // WHEN a rolling restart is started
        ncp.clients.cdss(NcpRegion.KR).rollingRestart(1009001L);

        // THEN the request carries the clock's timestamp, the access key and the matching signature
        RecordedRequest request = ncp.takeRequest();
        long timestamp = ncp.clock.millis();
        assertThat(request.getPath()).isEqualTo("/api/v1/cluster/rollingRestart");
        assertThat(request.getHeader(NcpSigner.HEADER_TIMESTAMP)).isEqualTo(Long.toString(timestamp));
        assertThat(request.getHeader(NcpSigner.HEADER_ACCESS_KEY)).isEqualTo(NcpTestServer.ACCESS_KEY);
        assertThat(request.getHeader(NcpSigner.HEADER_SIGNATURE))
                .isEqualTo(signer.sign("POST", "/api/v1/cluster/rollingRestart", timestamp));
    }

    @Test
    void sesGetWithQuery_signatureCoversTheEncodedQueryAsSent() {
        // GIVEN a search text that needs percent-encoding
        ncp.respond("ses-getClusterInfoList-page3.json");

        // WHEN SES clusters are listed
        ncp.clients.ses(NcpRegion.KR).getClusterInfoList("my cluster/검색", 1, 20);

        // THEN the signature is over the path and the query exactly as on the request line
        RecordedRequest request = ncp.takeRequest();
        String target = request.getPath();
        long timestamp = Long.parseLong(request.getHeader(NcpSigner.HEADER_TIMESTAMP));
        assertThat(target).startsWith("/api/v2/cluster/getClusterInfoList?pageNo=1&pageSize=20&inputText=my%20cluster");
        assertThat(request.getHeader(NcpSigner.HEADER_SIGNATURE))
                .isEqualTo(signer.sign("GET", target, timestamp))
                .isNotEqualTo(signer.sign("GET", "/api/v2/cluster/getClusterInfoList", timestamp));
    }

    @Test
    void retriedRead_isSignedAgainWithAFreshTimestamp() {
        // GIVEN a gateway that first asks to come back in 2 s, then answers
        ncp.respond(new MockResponse().setResponseCode(503).setHeader("Retry-After", "2")
                .setBody(NcpTestServer.fixture("gateway-error-500.json")));
        ncp.respond("cdss-getClusterStatus-ok.json");

        // WHEN the status is read (the fake sleeper advances the clock by the delay)
        ncp.clients.cdss(NcpRegion.KR).getClusterStatus(1009001L);

        // THEN the second attempt has a timestamp 2 s later and its own signature
        RecordedRequest first = ncp.takeRequest();
        RecordedRequest second = ncp.takeRequest();
        long firstTs = Long.parseLong(first.getHeader(NcpSigner.HEADER_TIMESTAMP));
        long secondTs = Long.parseLong(second.getHeader(NcpSigner.HEADER_TIMESTAMP));
        assertThat(secondTs - firstTs).isEqualTo(2000L);
        assertThat(second.getHeader(NcpSigner.HEADER_SIGNATURE))
                .isEqualTo(signer.sign("GET", second.getPath(), secondTs))
                .isNotEqualTo(first.getHeader(NcpSigner.HEADER_SIGNATURE));
    }

    @Test
    void requestTarget_withoutQuery_hasNoQuestionMark() {
        assertThat(NcpSigningInterceptor.requestTarget(HttpUrl.get("https://h.example/api/v1/cluster/x")))
                .isEqualTo("/api/v1/cluster/x");
        assertThat(NcpSigningInterceptor.requestTarget(HttpUrl.get("https://h.example/p?a=1&b=%20")))
                .isEqualTo("/p?a=1&b=%20");
    }
}

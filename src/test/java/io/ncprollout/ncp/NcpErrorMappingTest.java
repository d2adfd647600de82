package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One scripted gateway answer per error kind, read through CDSS getClusterStatus (a retried READ). */
class NcpErrorMappingTest {
    private NcpTestServer ncp = new NcpTestServer();

    @AfterEach
    void tearDown() throws Exception {
        ncp.close();
    }

    @ParameterizedTest(name = "errorCode {0} / HTTP {1} -> {2}")
    @CsvSource({
        "100, 400, BAD_REQUEST",
        "200, 401, AUTHENTICATION",
        "210, 401, PERMISSION",
        "300, 404, NOT_FOUND",
        "430, 413, REQUEST_TOO_LARGE",
    })
    void gatewayError_notRetryable_throwsKindAfterOneAttempt(String errorCode, int status, NcpErrorKind expected) {
        // GIVEN the gateway refuses with errorCode/status
        ncp.respond(status, "gateway-error-" + errorCode + ".json");

        // WHEN a read is made
        NcpApiException e = readStatus();

        // THEN it is classified, keeps the raw values, and is not retried
        assertThat(e.kind()).isEqualTo(expected);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(errorCode);
        assertThat(e.requestId()).isNull();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(ncp.server.getRequestCount()).isEqualTo(1);
        assertThat(ncp.sleeps).isEmpty();
    }

    @ParameterizedTest(name = "errorCode {0} / HTTP {1} -> {2}")
    @CsvSource({
        "400, 429, THROTTLED",
        "410, 429, THROTTLED",
        "420, 429, THROTTLED",
        "500, 503, ENDPOINT_ERROR",
        "510, 504, ENDPOINT_TIMEOUT",
        "900, 500, UNEXPECTED",
    })
    void gatewayError_retryable_isRetriedUpToPolicyThenThrown(String errorCode, int status, NcpErrorKind expected) {
        // GIVEN the gateway fails the same way on all four attempts
        for (int i = 0; i < 4; i++) {
            ncp.respond(status, "gateway-error-" + errorCode + ".json");
        }

        // WHEN a read is made
        NcpApiException e = readStatus();

        // THEN it was attempted four times with three back-off waits, then thrown
        assertThat(e.kind()).isEqualTo(expected);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(errorCode);
        assertThat(ncp.server.getRequestCount()).isEqualTo(4);
        assertThat(ncp.sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void throttled_retryAfterHeader_isHonouredBySleeper() {
        // GIVEN a 429 asking for 7 s, then success
        ncp.respond(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody(NcpTestServer.fixture("gateway-error-410.json")));
        ncp.respond("cdss-getClusterStatus-ok.json");

        // WHEN a read is made
        ncp.clients.cdss(NcpRegion.KR).getClusterStatus(1L);

        // THEN the client waited exactly 7 s before the second attempt
        assertThat(ncp.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(ncp.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void throttled_absurdRetryAfter_isCappedAtSixtySeconds() {
        ncp.respond(new MockResponse().setResponseCode(429).setHeader("Retry-After", "86400")
                .setBody(NcpTestServer.fixture("gateway-error-420.json")));
        ncp.respond("cdss-getClusterStatus-ok.json");

        ncp.clients.cdss(NcpRegion.KR).getClusterStatus(1L);

        assertThat(ncp.sleeps).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void gatewayError_numericCodeWithDetails_isMappedAndKeepsDetails() {
        ncp.respond(401, "gateway-error-210-numeric-with-details.json");

        NcpApiException e = readStatus();

        assertThat(e.kind()).isEqualTo(NcpErrorKind.PERMISSION);
        assertThat(e.code()).isEqualTo("210");
        assertThat(e.ncpMessage()).startsWith("Permission Denied: You have no permission");
    }

    @Test
    void gatewayError_unknownCode_fallsBackByStatusClassAndKeepsRawValues() {
        ncp.respond(418, "gateway-error-unknown-code.json");

        NcpApiException e = readStatus();

        assertThat(e.kind()).isEqualTo(NcpErrorKind.BAD_REQUEST);
        assertThat(e.code()).isEqualTo("777");
        assertThat(e.httpStatus()).isEqualTo(418);
        assertThat(e.rawBody()).contains("Something New");
    }

    @Test
    void htmlErrorPage_isMappedByStatusWithoutCrashing() {
        // GIVEN a load balancer answering 502 with HTML, four times
        for (int i = 0; i < 4; i++) {
            ncp.respond(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                    .setBody(NcpTestServer.fixture("gateway-502-html.html")));
        }

        NcpApiException e = readStatus();

        assertThat(e.kind()).isEqualTo(NcpErrorKind.ENDPOINT_ERROR);
        assertThat(e.code()).isNull();
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.rawBody()).startsWith("<html>");
        assertThat(ncp.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void truncatedBody_isMalformedAndRetriedUntilAGoodAnswer() {
        // GIVEN a truncated 200, then a good one
        ncp.respond("envelope-truncated.json");
        ncp.respond("cdss-getClusterStatus-ok.json");

        // WHEN a read is made, THEN the second answer is returned
        assertThat(ncp.clients.cdss(NcpRegion.KR).getClusterStatus(1L).clusterName()).isEqualTo("cluster00");
        assertThat(ncp.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void htmlPageWith200_isMalformedResponse() {
        NcpTestServer single = replaceWith(RetryPolicy.noRetries(), Duration.ofSeconds(5));
        single.respond(new MockResponse().setResponseCode(200).setBody(NcpTestServer.fixture("gateway-502-html.html")));

        NcpApiException e = readStatus();

        assertThat(e.kind()).isEqualTo(NcpErrorKind.MALFORMED_RESPONSE);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.code()).isNull();
    }

    @Test
    void dataResultNull_isMalformedResponse() {
        replaceWith(RetryPolicy.noRetries(), Duration.ofSeconds(5)).respond("data-result-null.json");

        assertThat(readStatus().kind()).isEqualTo(NcpErrorKind.MALFORMED_RESPONSE);
    }

    @Test
    void noResponse_withinReadTimeout_isNetworkTimeout() {
        // GIVEN a gateway that never answers and a 300 ms read timeout, no retries
        replaceWith(RetryPolicy.noRetries(), Duration.ofMillis(300))
                .respond(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        NcpApiException e = readStatus();

        assertThat(e.kind()).isEqualTo(NcpErrorKind.NETWORK_TIMEOUT);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.httpStatus()).isZero();
        assertThat(e.code()).isNull();
    }

    @Test
    void connectionRefused_isNetworkFailureRetriedUpToPolicy() throws Exception {
        // GIVEN nothing listens on the gateway port any more
        ncp.server.shutdown();

        NcpApiException e = readStatus();

        assertThat(e.kind()).isEqualTo(NcpErrorKind.NETWORK_FAILURE);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.httpStatus()).isZero();
        assertThat(ncp.sleeps).hasSize(3);
    }

    @Test
    void envelopeCode3_isServiceErrorWithNcpMessageAndRequestId() {
        ncp.respond("action-code3.json");

        NcpApiException e = readStatus();

        assertThat(e.kind()).isEqualTo(NcpErrorKind.SERVICE_ERROR);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.code()).isEqualTo("3");
        assertThat(e.requestId()).isEqualTo("eaec909c-0ec0-435d-a4b4-7c1055ef695a");
        assertThat(e.getMessage()).startsWith(
                "CDSS getClusterStatus failed: Invalid Service Group Instance No (HTTP 200, code 3, requestId eaec909c");
        assertThat(ncp.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void envelopeOnHttp400_isServiceErrorKeepingStatus() {
        ncp.respond(400, "ses-rollingUpgradePreCheck-http400.json");

        NcpApiException e = readStatus();

        assertThat(e.kind()).isEqualTo(NcpErrorKind.SERVICE_ERROR);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("1000");
        assertThat(e.ncpMessage()).isEqualTo("Target version code is not allowed to be empty");
    }

    @Test
    void actionResultNull_isServiceError() {
        ncp.respond("action-result-null.json");

        NcpApiException e = catchThrowableOfType(NcpApiException.class,
                () -> ncp.clients.cdss(NcpRegion.KR).rollingRestart(1L));

        assertThat(e.kind()).isEqualTo(NcpErrorKind.SERVICE_ERROR);
        assertThat(e.code()).isEqualTo("0");
        assertThat(e.requestId()).isEqualTo("9a1b2c3d-0000-4000-8000-000000000001");
        assertThat(e.ncpMessage()).contains("result null");
    }

    @Test
    void getMessage_permissionDenied_isOneReadableLineWithHint() {
        ncp.respond(401, "gateway-error-210.json");

        NcpApiException e = catchThrowableOfType(NcpApiException.class,
                () -> ncp.clients.cdss(NcpRegion.KR).rollingRestart(1L));

        assertThat(e.getMessage()).isEqualTo("CDSS rollingRestart failed: Permission Denied (HTTP 401, errorCode 210) — "
                + NcpErrorKind.PERMISSION.hint());
        assertThat(NcpErrorKind.AUTHENTICATION.hint()).contains("key").contains("5 minutes");
    }

    @Test
    void interruptedWhileWaiting_restoresFlagAndThrowsLastFailure() throws Exception {
        // GIVEN a sleeper that is interrupted, and a retryable failure
        ncp.close();
        ncp = new NcpTestServer();
        NcpClients interrupted = NcpClients.create(new NcpClientSettings(NcpTestServer.ACCESS_KEY,
                NcpTestServer.SECRET_KEY, new NcpEndpoints(ncp.server.url("/").toString(), "http://unused"), ncp.clock,
                RetryPolicy.defaults(), d -> { throw new InterruptedException("stop"); }, Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
        ncp.respond(503, "gateway-error-500.json");

        try {
            NcpApiException e = catchThrowableOfType(NcpApiException.class,
                    () -> interrupted.cdss(NcpRegion.KR).getClusterStatus(1L));

            // THEN the failure is thrown, the interrupt is kept, and nothing more was sent
            assertThat(e.kind()).isEqualTo(NcpErrorKind.ENDPOINT_ERROR);
            assertThat(e.getSuppressed()).hasSize(1);
            assertThat(Thread.interrupted()).isTrue(); // also clears it for the next test
            assertThat(ncp.server.getRequestCount()).isEqualTo(1);
        } finally {
            interrupted.close();
        }
    }

    private NcpApiException readStatus() {
        return catchThrowableOfType(NcpApiException.class, () -> ncp.clients.cdss(NcpRegion.KR).getClusterStatus(1L));
    }

    private NcpTestServer replaceWith(RetryPolicy policy, Duration readTimeout) {
        try {
            ncp.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ncp = new NcpTestServer(policy, readTimeout);
        return ncp;
    }
}

package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mutating call is sent exactly once, whatever happens: a second rolling restart is worse than a
 * failed one. Each scenario queues a success behind the failure, so a hidden resend would succeed
 * and be counted.
 */
class MutatingCallsTest {
    private final NcpTestServer ncp = new NcpTestServer(RetryPolicy.defaults(), Duration.ofMillis(300));

    @AfterEach
    void tearDown() throws Exception {
        ncp.close();
    }

    static Stream<Named<Consumer<NcpClients>>> mutations() {
        return Stream.of(
                Named.of("CDSS rollingRestart", c -> c.cdss(NcpRegion.KR).rollingRestart(1009001L)),
                Named.of("CDSS rollingUpgrade", c -> c.cdss(NcpRegion.KR).rollingUpgrade(1009001L, 3903006L, 301L)),
                Named.of("CDSS restartCMAKService", c -> c.cdss(NcpRegion.KR).restartCmakService(1009001L)),
                Named.of("SES rollingUpgradeCluster", c -> c.ses(NcpRegion.KR).rollingUpgradeCluster("1", "1037001", "2180")));
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void mutation_endpointError503WithRetryAfterZero_isSentOnceAndThrown(Consumer<NcpClients> mutation) {
        // GIVEN a 503 that even invites an immediate retry, then a success
        ncp.respond(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0")
                .setBody(NcpTestServer.fixture("gateway-error-500.json")));
        ncp.respond("action-success.json");

        // WHEN the mutation is called
        NcpApiException e = trigger(mutation);

        // THEN it failed after exactly one request and no wait
        assertThat(e.kind()).isEqualTo(NcpErrorKind.ENDPOINT_ERROR);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(ncp.server.getRequestCount()).isEqualTo(1);
        assertThat(ncp.sleeps).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void mutation_endpointTimeout504_isSentOnceAndOutcomeUnknown(Consumer<NcpClients> mutation) {
        ncp.respond(504, "gateway-error-510.json");
        ncp.respond("action-success.json");

        NcpApiException e = trigger(mutation);

        assertThat(e.kind()).isEqualTo(NcpErrorKind.OUTCOME_UNKNOWN);
        assertThat(e.httpStatus()).isEqualTo(504);
        assertThat(e.code()).isEqualTo("510");
        assertThat(ncp.server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void mutation_disconnectAfterRequest_isSentOnceAndOutcomeUnknown(Consumer<NcpClients> mutation) {
        // GIVEN the connection drops after the request was received
        ncp.respond(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        ncp.respond("action-success.json");

        NcpApiException e = trigger(mutation);

        // THEN the caller is told to read progress instead of resending
        assertThat(e.kind()).isEqualTo(NcpErrorKind.OUTCOME_UNKNOWN);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).contains("progress").contains("do NOT resend");
        assertThat(ncp.server.getRequestCount()).isEqualTo(1);
        assertThat(ncp.sleeps).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void mutation_noResponseWithinReadTimeout_isSentOnceAndOutcomeUnknown(Consumer<NcpClients> mutation) {
        ncp.respond(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        ncp.respond("action-success.json");

        NcpApiException e = trigger(mutation);

        assertThat(e.kind()).isEqualTo(NcpErrorKind.OUTCOME_UNKNOWN);
        assertThat(ncp.server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void mutation_connectionRefused_isNetworkFailureNotRetried(Consumer<NcpClients> mutation) throws Exception {
        // GIVEN nothing listens: the request can never have been sent
        ncp.server.shutdown();

        NcpApiException e = trigger(mutation);

        // THEN it is a plain network failure, and still not retried
        assertThat(e.kind()).isEqualTo(NcpErrorKind.NETWORK_FAILURE);
        assertThat(ncp.sleeps).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("mutations")
    void mutation_success_isOneRequest(Consumer<NcpClients> mutation) {
        ncp.respond("action-success.json");

        mutation.accept(ncp.clients);

        assertThat(ncp.server.getRequestCount()).isEqualTo(1);
    }

    private NcpApiException trigger(Consumer<NcpClients> mutation) {
        NcpApiException e = catchThrowableOfType(NcpApiException.class, () -> mutation.accept(ncp.clients));
        assertThat(e).as("the mutation failed").isNotNull();
        return e;
    }
}

package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A poll's NCP reads stay inside its deadline: no retry that would end after it, no attempt started past it. */
class CallDeadlineTest {
    private final NcpTestServer ncp = new NcpTestServer();

    @AfterEach
    void close() throws Exception {
        ncp.close();
    }

    @Test
    void aRetryAfterLongerThanWhatIsLeft_isNotWaitedFor() {
        ncp.respond(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30")
                .setBody(NcpTestServer.fixture("gateway-error-410.json")));
        ncp.respond("cdss-getClusterStatus-ok.json");
        Instant deadline = ncp.clock.instant().plusSeconds(10);

        assertThatThrownBy(() -> CallDeadline.within(deadline, () -> ncp.clients.cdss(NcpRegion.KR).getClusterStatus(1L)))
                .isInstanceOf(NcpApiException.class);

        assertThat(ncp.sleeps).isEmpty();
        assertThat(ncp.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesThatFitBeforeTheDeadline_stillHappen() {
        ncp.respond(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2")
                .setBody(NcpTestServer.fixture("gateway-error-410.json")));
        ncp.respond("cdss-getClusterStatus-ok.json");
        Instant deadline = ncp.clock.instant().plusSeconds(10);

        CallDeadline.within(deadline, () -> ncp.clients.cdss(NcpRegion.KR).getClusterStatus(1L));

        assertThat(ncp.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void pastTheDeadline_nothingIsSent() {
        Instant deadline = ncp.clock.instant().minusSeconds(1);

        assertThatThrownBy(() -> CallDeadline.within(deadline, () -> ncp.clients.cdss(NcpRegion.KR).getClusterStatus(1L)))
                .isInstanceOfSatisfying(NcpApiException.class, e -> assertThat(e.kind()).isEqualTo(NcpErrorKind.NETWORK_TIMEOUT));
        assertThat(ncp.server.getRequestCount()).isZero();
    }

    @Test
    void withoutADeadline_theRetryPolicyAloneDecides() {
        ncp.respond(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30")
                .setBody(NcpTestServer.fixture("gateway-error-410.json")));
        ncp.respond("cdss-getClusterStatus-ok.json");

        ncp.clients.cdss(NcpRegion.KR).getClusterStatus(1L);

        assertThat(ncp.sleeps).containsExactly(Duration.ofSeconds(30));
        assertThat(CallDeadline.current()).isEmpty();
    }
}

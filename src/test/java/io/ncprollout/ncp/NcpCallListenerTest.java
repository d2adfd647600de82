package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.ncp.dto.CdssClusterSummary;
import io.ncprollout.ncp.dto.ClusterPage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NcpCallListenerTest {
    private final NcpTestServer ncp = new NcpTestServer();
    private final List<NcpCallEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        ncp.close();
    }

    @Test
    void onAttempt_throttledThenOk_reportsEachAttemptWithStatusOutcomeAndServerDate() {
        // GIVEN a gateway that throttles once, then answers, with a Date header
        ncp.clients.setCallListener(events::add);
        ncp.respond(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1")
                .setHeader("Date", "Sun, 22 Nov 2026 01:00:07 GMT").setBody("{}"));
        ncp.server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setHeader("Date", "Sun, 22 Nov 2026 01:00:09 GMT").setBody(NcpTestServer.fixture("cdss-getClusterInfoList-page1.json")));

        // WHEN one read is made
        ClusterPage<CdssClusterSummary> page = ncp.clients.cdss(NcpRegion.KR).getClusterInfoList(null, 1, 10);

        // THEN both attempts were reported, and no event carries a key
        assertThat(page).isNotNull();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).outcome()).isEqualTo("throttled");
        assertThat(events.get(0).httpStatus()).isEqualTo(429);
        assertThat(events.get(1).outcome()).isEqualTo(NcpCallEvent.OK);
        assertThat(events.get(1).operation()).isEqualTo("CDSS getClusterInfoList");
        assertThat(events.get(1).method()).isEqualTo("POST");
        assertThat(events.get(1).serverDate()).contains(Instant.parse("2026-11-22T01:00:09Z"));
        assertThat(events.toString()).doesNotContain(NcpTestServer.ACCESS_KEY, NcpTestServer.SECRET_KEY);
    }

    @Test
    void onAttempt_listenerThrows_callStillSucceeds() {
        ncp.clients.setCallListener(event -> {
            throw new IllegalStateException("broken listener");
        });
        ncp.respond("cdss-getClusterInfoList-page1.json");

        ClusterPage<CdssClusterSummary> page = ncp.clients.cdss(NcpRegion.KR).getClusterInfoList(null, 1, 10);

        assertThat(page).isNotNull();
    }

    @Test
    void onAttempt_noDateHeader_serverDateIsEmpty() {
        ncp.clients.setCallListener(events::add);
        ncp.respond("cdss-getClusterInfoList-page1.json");

        ncp.clients.cdss(NcpRegion.KR).getClusterInfoList(null, 1, 10);

        assertThat(events).singleElement().satisfies(e -> assertThat(e.serverDate()).isEmpty());
    }
}

package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code NCP_MAX_REQUESTS_PER_SECOND}: every attempt asks the shared limiter first, and the sleeper waits. */
class NcpRateCapTest {
    private final MockWebServer server = new MockWebServer();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private NcpClients clients;

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        String host = server.url("/").toString();
        clients = NcpClients.create(new NcpClientSettings(NcpTestServer.ACCESS_KEY, NcpTestServer.SECRET_KEY,
                new NcpEndpoints(host, host), MutableClock.at("2026-11-22T01:00:00Z"), RetryPolicy.noRetries(), sleeps::add,
                Duration.ofSeconds(2), Duration.ofSeconds(2)).withMaxRequestsPerSecond(1));
    }

    @AfterEach
    void tearDown() throws Exception {
        clients.close();
        server.shutdown();
    }

    @Test
    void reads_fasterThanTheCap_waitForTheirSlotBeforeSending() {
        // GIVEN a cap of one request per second, WHEN three reads follow each other at once
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setBody(NcpTestServer.fixture("cdss-getClusterStatus-ok.json")));
            clients.cdss(NcpRegion.KR).getClusterStatus(1L);
        }

        // THEN the first went at once and the next two were each held until their slot (the sleeper does not really
        // wait here, so the second slot is one second and the third two seconds after the first)
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(2));
    }

    @Test
    void settings_defaults_capAtTwentyPerSecond() {
        NcpClientSettings defaults = NcpClientSettings.defaults("AK", "SK", new NcpEndpoints("http://a", "http://b"),
                MutableClock.at("2026-11-22T01:00:00Z"));

        assertThat(defaults.maxRequestsPerSecond()).isEqualTo(NcpClientSettings.DEFAULT_MAX_REQUESTS_PER_SECOND).isEqualTo(20.0);
        assertThat(defaults.toString()).contains("maxRequestsPerSecond=20.0");
    }
}

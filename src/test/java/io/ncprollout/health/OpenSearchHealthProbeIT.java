package io.ncprollout.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.GateReport.Finding.Kind;
import io.ncprollout.rollout.health.SearchSnapshot;
import io.ncprollout.rollout.health.SearchVerdicts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link OpenSearchHealthProbe} against an HTTPS MockWebServer whose certificate a private CA (made with keytool)
 * signed for the IP 127.0.0.1 only, as NCP's private-IP endpoints are: trust through the CA file, basic auth, refused
 * credentials, silence, an untrusted certificate, a wrong host name, and failover to the next endpoint.
 */
class OpenSearchHealthProbeIT {
    private static final String USER = "admin";
    private static final String PASSWORD = "Op3nSearch-distinctive-pass!";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    static Path dir;
    private static TestCa ca;
    private static TestCa otherCa;

    private final MockWebServer server = new MockWebServer();
    private final OpenSearchHealthProbe probe = new OpenSearchHealthProbe();

    @BeforeAll
    static void makeCertificates() throws Exception {
        ca = TestCa.create(dir, "cluster", "ip:127.0.0.1");
        otherCa = TestCa.create(dir, "other", "ip:127.0.0.1");
    }

    @BeforeEach
    void startServer() throws Exception {
        server.useHttps(ca.serverSockets(), false);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.shutdown();
    }

    private URI endpoint() {
        return URI.create("https://127.0.0.1:" + server.getPort());
    }

    private SearchTarget target(List<URI> endpoints, Optional<Path> caFile) {
        return new SearchTarget(endpoints, Optional.of(USER), Optional.of(PASSWORD), caFile, TIMEOUT);
    }

    private SearchTarget trusted() {
        return target(List.of(endpoint()), Optional.of(ca.caPem));
    }

    private void answer(String json) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(json));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"green, PASSED, ''", "yellow, FAILED, CLUSTER_STATUS", "red, FAILED, CLUSTER_STATUS"})
    void status_parsedAndJudgedAgainstGreen(String status, GateReport.Verdict verdict, String finding) throws Exception {
        answer("{\"cluster_name\":\"search-a\",\"status\":\"" + status + "\",\"timed_out\":false,\"number_of_nodes\":5,"
                + "\"number_of_data_nodes\":3,\"active_primary_shards\":10,\"relocating_shards\":0,\"initializing_shards\":0,"
                + "\"unassigned_shards\":0,\"discovered_cluster_manager\":true}");

        SearchSnapshot seen = probe.read(trusted());
        GateReport report = SearchVerdicts.judge(seen, "green");

        assertThat(seen).isEqualTo(new SearchSnapshot(status, 5, 3, 0, 0, 0));
        assertThat(report.verdict()).isEqualTo(verdict);
        if (!finding.isEmpty()) {
            assertThat(report.worst()).extracting(GateReport.Finding::kind).containsExactly(Kind.valueOf(finding));
        }
    }

    @Test
    void request_isAGetOfClusterHealthWithBasicAuth() throws Exception {
        answer("{\"status\":\"yellow\",\"unassigned_shards\":4,\"number_of_nodes\":3}");

        SearchSnapshot seen = probe.read(trusted());

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/_cluster/health");
        assertThat(request.getHeader("Authorization")).isEqualTo(Credentials.basic(USER, PASSWORD));
        assertThat(seen).isEqualTo(new SearchSnapshot("yellow", 3, 0, 0, 0, 4));
        // yellow is what require: yellow accepts (its unassigned replicas only counted); green refuses it, naming them
        assertThat(SearchVerdicts.judge(seen, "yellow").verdict()).isEqualTo(GateReport.Verdict.PASSED);
        assertThat(SearchVerdicts.judge(seen, "green").worst()).extracting(GateReport.Finding::kind).containsExactly(Kind.CLUSTER_STATUS, Kind.SHARDS_UNASSIGNED);
    }

    @Test
    void sameCaFile_secondReadReusesTheConnection() throws Exception {
        answer("{\"status\":\"green\"}");
        answer("{\"status\":\"green\"}");

        probe.read(trusted());
        probe.read(trusted());

        server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        assertThat(second.getSequenceNumber()).as("second request on the first connection").isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"401", "403"})
    void refusedCredentials_failAtOnceNamingTheStatusNotThePassword(int code) throws Exception {
        server.enqueue(new MockResponse().setResponseCode(code).setBody("{\"error\":\"bad password " + PASSWORD + "\"}"));
        answer("{\"status\":\"green\"}");
        SearchTarget twice = target(List.of(endpoint(), endpoint()), Optional.of(ca.caPem));

        assertThatThrownBy(() -> probe.read(twice)).isInstanceOf(ProbeException.class)
                .hasMessage("OpenSearch at https://127.0.0.1:" + server.getPort() + " refused the credentials (HTTP " + code + ")")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain(Credentials.basic(USER, PASSWORD)));
        assertThat(server.getRequestCount()).as("the second endpoint is the same cluster: not tried").isEqualTo(1);
    }

    @Test
    void silentServer_failsWithinTheTimeout() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        long started = System.nanoTime();

        assertThatThrownBy(() -> probe.read(trusted())).isInstanceOf(ProbeException.class)
                .hasMessageContaining("https://127.0.0.1:" + server.getPort() + ": timeout (no answer within 1s)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void untrustedCertificate_noCaFile_saysSo() {
        answer("{\"status\":\"green\"}");

        assertThatThrownBy(() -> probe.read(target(List.of(endpoint()), Optional.empty()))).isInstanceOf(ProbeException.class)
                .hasMessageContaining("TLS handshake failure: certificate not trusted").hasMessageContaining("no CA file is configured");
    }

    @Test
    void untrustedCertificate_anotherCasFile_saysSo() {
        answer("{\"status\":\"green\"}");

        assertThatThrownBy(() -> probe.read(target(List.of(endpoint()), Optional.of(otherCa.caPem)))).isInstanceOf(ProbeException.class)
                .hasMessageContaining("TLS handshake failure: certificate not trusted by the CA file " + otherCa.caPem);
    }

    @Test
    void hostnameVerification_staysOn_aNameTheCertificateDoesNotHoldFails() {
        answer("{\"status\":\"green\"}");
        SearchTarget byName = target(List.of(URI.create("https://localhost:" + server.getPort())), Optional.of(ca.caPem));

        assertThatThrownBy(() -> probe.read(byName)).isInstanceOf(ProbeException.class)
                .hasMessageContaining("https://localhost:" + server.getPort() + ": TLS: the certificate does not name this host");
    }

    @Test
    void firstEndpointDown_secondAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        answer("{\"status\":\"green\",\"number_of_nodes\":2,\"number_of_data_nodes\":2}");

        SearchSnapshot seen = probe.read(target(List.of(URI.create("https://127.0.0.1:" + closedPort), endpoint()), Optional.of(ca.caPem)));

        assertThat(seen).isEqualTo(new SearchSnapshot("green", 2, 2, 0, 0, 0));
    }

    @Test
    void noEndpointAnswers_messageNamesEachAndWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"error\":\"cluster_manager_not_discovered_exception\"}"));
        URI down = URI.create("https://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> probe.read(target(List.of(down, endpoint()), Optional.of(ca.caPem)))).isInstanceOf(ProbeException.class)
                .hasMessage("No OpenSearch endpoint answered: https://127.0.0.1:" + closedPort + ": connection refused; https://127.0.0.1:"
                        + server.getPort() + ": HTTP 503");
    }
}

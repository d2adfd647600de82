package io.ncprollout.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.SearchSnapshot;
import io.ncprollout.rollout.health.SearchVerdicts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tolerant reading of {@code _cluster/health}, the URL and the words of failures; plain HTTP, no TLS (see the IT). */
class OpenSearchHealthProbeTest {
    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private SearchTarget target(List<URI> endpoints, Optional<String> user) {
        return new SearchTarget(endpoints, user, user.map(u -> "pw-" + u), Optional.empty(), Duration.ofSeconds(2));
    }

    private URI endpoint() {
        return server.url("/").uri();
    }

    @Test
    void parse_missingFieldsAreZeroAndUnknown_unknownStatusVerbatim() {
        assertThat(ClusterHealthJson.parse("{}")).contains(new SearchSnapshot("unknown", 0, 0, 0, 0, 0));
        assertThat(ClusterHealthJson.parse("{\"status\":\"purple\",\"number_of_nodes\":\"4\",\"unassigned_shards\":null,\"x\":{\"y\":[1]}}"))
                .contains(new SearchSnapshot("purple", 4, 0, 0, 0, 0));
        assertThat(ClusterHealthJson.parse("{\"status\":null,\"initializing_shards\":2,\"relocating_shards\":1}"))
                .contains(new SearchSnapshot("unknown", 0, 0, 1, 2, 0));
        assertThat(ClusterHealthJson.parse("[1]")).isEmpty();
        assertThat(ClusterHealthJson.parse("<html>proxy error</html>")).isEmpty();
        assertThat(ClusterHealthJson.parse("")).isEmpty();
    }

    @Test
    void unknownStatus_failsTheGateVerbatim() {
        SearchSnapshot seen = ClusterHealthJson.parse("{\"status\":\"purple\"}").orElseThrow();

        GateReport report = SearchVerdicts.judge(seen, "green");

        assertThat(report.verdict()).isEqualTo(GateReport.Verdict.FAILED);
        assertThat(report.worst().get(0).detail()).isEqualTo("purple");
    }

    @Test
    void healthUrl_keepsAPathPrefix_dropsUserInfoAndQuery_whereShowsSchemeHostPort() {
        HttpUrl url = OpenSearchHealthProbe.healthUrl(URI.create("https://user:secret@10.0.0.5:9200/proxy/?pretty#x"));

        assertThat(url).isNotNull();
        assertThat(url.toString()).isEqualTo("https://10.0.0.5:9200/proxy/_cluster/health");
        assertThat(OpenSearchHealthProbe.where(url)).isEqualTo("https://10.0.0.5:9200");
        assertThat(OpenSearchHealthProbe.healthUrl(URI.create("https://10.0.0.5:9200")).toString()).isEqualTo("https://10.0.0.5:9200/_cluster/health");
        assertThat(OpenSearchHealthProbe.where(OpenSearchHealthProbe.healthUrl(URI.create("http://[::1]:9200")))).isEqualTo("http://[::1]:9200");
        assertThat(OpenSearchHealthProbe.healthUrl(URI.create("ftp://10.0.0.5"))).isNull();
    }

    @Test
    void answerNotUnderstood_triesTheNextEndpoint() throws Exception {
        server.enqueue(new MockResponse().setBody("<html>a proxy's page</html>"));
        server.enqueue(new MockResponse().setBody("{\"status\":\"green\"}"));

        SearchSnapshot seen = new OpenSearchHealthProbe().read(target(List.of(endpoint(), endpoint()), Optional.empty()));

        assertThat(seen.status()).isEqualTo("green");
        assertThat(server.takeRequest().getHeader("Authorization")).isNull();
    }

    @Test
    void refusedWithoutCredentials_saysNoneIsConfigured() {
        server.enqueue(new MockResponse().setResponseCode(401));

        assertThatThrownBy(() -> new OpenSearchHealthProbe().read(target(List.of(endpoint()), Optional.empty())))
                .hasMessageEndingWith("refused the credentials (HTTP 401); no OpenSearch username is configured");
    }

    @Test
    void sharedClientsInterceptors_areNotUsed_andRedirectsNotFollowed() throws Exception {
        Interceptor leaky = chain -> chain.proceed(chain.request().newBuilder().header("X-Ncp-Signature", "must-not-leak").build());
        OkHttpClient shared = new OkHttpClient.Builder().addInterceptor(leaky).addNetworkInterceptor(leaky).build();
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "http://example.invalid/"));

        assertThatThrownBy(() -> new OpenSearchHealthProbe(shared).read(target(List.of(endpoint()), Optional.of("admin"))))
                .hasMessageEndingWith(": HTTP 302");
        assertThat(server.takeRequest().getHeader("X-Ncp-Signature")).isNull();
    }

    @Test
    void noEndpoints_orAnUnreadableCaFile_areProbeExceptions(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        SearchTarget withBadCa = new SearchTarget(List.of(endpoint()), Optional.empty(), Optional.empty(), Optional.of(notPem), Duration.ofSeconds(1));
        SearchTarget withMissingCa = new SearchTarget(List.of(endpoint()), Optional.empty(), Optional.empty(), Optional.of(dir.resolve("nope.pem")),
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> new OpenSearchHealthProbe().read(target(List.of(), Optional.empty()))).isInstanceOf(ProbeException.class)
                .hasMessage("No OpenSearch endpoint to read");
        assertThatThrownBy(() -> new OpenSearchHealthProbe().read(withBadCa)).isInstanceOf(ProbeException.class)
                .hasMessageContaining("CA file " + notPem);
        assertThatThrownBy(() -> new OpenSearchHealthProbe().read(withMissingCa)).isInstanceOf(ProbeException.class)
                .hasMessageContaining("does not exist");
    }
}

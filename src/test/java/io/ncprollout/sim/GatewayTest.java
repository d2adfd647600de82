package io.ncprollout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.ncp.NcpSigner;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API gateway's behaviour in front of every endpoint: auth, routing, bad JSON, faults. */
class GatewayTest {
    private static final String LIST = "/api/v1/cluster/getClusterInfoList";

    private final SimulatorFixture sim = new SimulatorFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    private SignedHttp.Response postWith(Map<String, String> headers) {
        return sim.http.send("POST", LIST, "{}", headers);
    }

    private static void assertAuthFailed(SignedHttp.Response response, String detail) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().at("/error/errorCode").textValue()).isEqualTo("200");
        assertThat(response.json().at("/error/message").textValue()).isEqualTo("Authentication Failed");
        assertThat(response.json().at("/error/details").textValue()).contains(detail);
    }

    @Test
    void call_signedCorrectly_succeeds() {
        SignedHttp.Response response = sim.http.post(LIST, "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.code()).isZero();
        assertThat(response.message()).isEqualTo("SUCCESS");
        assertThat(response.json().get("requestId").textValue()).matches("[0-9a-f-]{36}");
    }

    @Test
    void call_wrongAccessKey_401() {
        // GIVEN headers signed correctly but naming another access key
        Map<String, String> headers = sim.http.signedHeaders("POST", LIST);
        headers.put(NcpSigner.HEADER_ACCESS_KEY, "SOMEONEELSE");

        assertAuthFailed(postWith(headers), "unknown access key");
    }

    @Test
    void call_badSignature_401WithoutTheExpectedSignature() {
        Map<String, String> headers = sim.http.signedHeaders("POST", LIST);
        String good = headers.get(NcpSigner.HEADER_SIGNATURE);
        headers.put(NcpSigner.HEADER_SIGNATURE, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        SignedHttp.Response response = postWith(headers);

        assertAuthFailed(response, "signature does not match");
        assertThat(response.json().toString()).doesNotContain(good);
    }

    @Test
    void call_signedForAnotherPath_401() {
        Map<String, String> headers = sim.http.signedHeaders("POST", "/api/v1/cluster/rollingRestart");

        assertAuthFailed(postWith(headers), "signature");
    }

    @Test
    void call_queryLeftOutOfSignature_401() {
        String path = "/api/v2/cluster/getClusterInfoList?pageNo=1&pageSize=20";
        Map<String, String> headers = sim.http.signedHeaders("GET", "/api/v2/cluster/getClusterInfoList");

        assertAuthFailed(sim.http.send("GET", path, null, headers), "signature");
        assertThat(sim.http.get(path).status()).isEqualTo(200);
    }

    @Test
    void call_timestampFiveMinutesOff_401() {
        // GIVEN a request signed five minutes ago
        Map<String, String> headers = sim.http.signedHeaders("POST", LIST);
        sim.clock.advance(Duration.ofMinutes(5));

        assertAuthFailed(postWith(headers), "5 minutes");
    }

    @Test
    void call_timestampJustUnderFiveMinutesOff_succeeds() {
        Map<String, String> headers = sim.http.signedHeaders("POST", LIST);
        sim.clock.advance(Duration.ofMinutes(5).minusMillis(1));

        assertThat(postWith(headers).status()).isEqualTo(200);
    }

    @Test
    void call_timestampInTheFuture_401() {
        sim.clock.advance(Duration.ofMinutes(10));
        Map<String, String> headers = sim.http.signedHeaders("POST", LIST);
        sim.clock.advance(Duration.ofMinutes(-10));

        assertAuthFailed(postWith(headers), "5 minutes");
    }

    @Test
    void call_missingHeaders_401NamingTheHeader() {
        for (String header : new String[] {NcpSigner.HEADER_ACCESS_KEY, NcpSigner.HEADER_TIMESTAMP, NcpSigner.HEADER_SIGNATURE}) {
            Map<String, String> headers = sim.http.signedHeaders("POST", LIST);
            headers.remove(header);

            assertAuthFailed(postWith(headers), "missing header " + header);
        }
    }

    @Test
    void call_nonNumericTimestamp_401() {
        Map<String, String> headers = sim.http.signedHeaders("POST", LIST);
        headers.put(NcpSigner.HEADER_TIMESTAMP, "yesterday");

        assertAuthFailed(postWith(headers), "epoch milliseconds");
    }

    @Test
    void call_unknownPath_404() {
        SignedHttp.Response response = sim.http.get("/api/v1/cluster/getKafkaVersionList");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/errorCode").textValue()).isEqualTo("300");
        assertThat(response.json().at("/error/message").textValue()).isEqualTo("Not Found Exception");
    }

    @Test
    void call_wrongMethod_404() {
        assertThat(sim.http.get("/api/v1/cluster/rollingRestartProgressCheck").status()).isEqualTo(404);
        assertThat(sim.http.get("/api/v1/cluster/rollingRestartProgressCheck/10178538").status()).isEqualTo(404);
        assertThat(sim.http.post("/api/v1/cluster/getClusterStatus/10178538", "{}").status()).isEqualTo(404);
    }

    @Test
    void call_serviceUnderTheOtherServicesPrefix_404() {
        assertThat(sim.http.get("/api/v1/cluster/getSearchEngineVersionList").status()).isEqualTo(404);
        assertThat(sim.http.get("/api/v2/cluster/getCDSSVersionList").status()).isEqualTo(404);
        assertThat(sim.http.get("/api/xyz-v1/cluster/getCDSSVersionList").status()).isEqualTo(404);
    }

    @Test
    void call_unparseableJson_400() {
        SignedHttp.Response response = sim.http.post("/api/v1/cluster/rollingRestart", "{\"serviceGroupInstanceNo\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/errorCode").textValue()).isEqualTo("100");
        assertThat(response.json().at("/error/message").textValue()).isEqualTo("Bad Request Exception");
        assertThat(sim.http.post("/api/v1/cluster/rollingRestart", "[1,2]").status()).isEqualTo(400);
    }

    @Test
    void call_readFailureRateWithSeed_failsAReproducibleShareWith503() {
        // GIVEN half of all reads fail, drawn from the fixed seed
        sim.simulator.faults().readFailureRate(0.5);

        int failed = 0;
        for (int i = 0; i < 40; i++) {
            SignedHttp.Response response = sim.http.get("/api/v1/cluster/getCDSSVersionList");
            if (response.status() == 503) {
                failed++;
                assertThat(response.json().at("/error/errorCode").textValue()).isEqualTo("500");
                assertThat(response.json().at("/error/message").textValue()).isEqualTo("Endpoint Error");
            }
        }

        // THEN roughly half failed, and a second simulator with the same seed fails the same calls
        assertThat(failed).isBetween(10, 30);
        try (SimulatorFixture twin = new SimulatorFixture()) {
            twin.simulator.faults().readFailureRate(0.5);
            int twinFailed = 0;
            for (int i = 0; i < 40; i++) {
                twinFailed += twin.http.get("/api/v1/cluster/getCDSSVersionList").status() == 503 ? 1 : 0;
            }
            assertThat(twinFailed).isEqualTo(failed);
        }
    }

    @Test
    void call_readFailureRate_neverFailsActions() {
        sim.simulator.faults().readFailureRate(1.0);

        assertThat(sim.http.post("/api/v1/cluster/rollingRestart", "{\"serviceGroupInstanceNo\":10178538}").status())
                .isEqualTo(200);
        assertThat(sim.http.get("/api/v1/cluster/getClusterStatus/10178538").status()).isEqualTo(503);
    }

    @Test
    void call_throttleRateOne_429() {
        sim.simulator.faults().throttleRate(1.0);

        SignedHttp.Response response = sim.http.post(LIST, "{}");

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.json().at("/error/errorCode").textValue()).isEqualTo("410");
    }

    @Test
    void call_latency_delaysTheAnswer() {
        sim.simulator.faults().latency(Duration.ofMillis(200));

        long begin = System.nanoTime();
        SignedHttp.Response response = sim.http.post(LIST, "{}");
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        assertThat(response.status()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}

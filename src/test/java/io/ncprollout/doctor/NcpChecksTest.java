package io.ncprollout.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.config.NcpConfig;
import io.ncprollout.ncp.NcpCallEvent;
import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The NCP keys and clock-skew checks: against the in-process simulator, and a gateway with a skewed Date. */
class NcpChecksTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void probe_simulatorWithItsKeys_keysOkAndSkewMeasured() {
        try (NcpSimulator sim = NcpSimulator.start(SimulatorSettings.defaults())) {
            NcpProbe probe = NcpProbe.run(config(sim.accessKey(), sim.secretKey(), sim.baseUrl()), Clock.systemUTC());

            assertThat(NcpKeysCheck.evaluate(Optional.of(probe)).status()).isEqualTo(CheckResult.Status.OK);
            CheckResult skew = ClockSkewCheck.evaluate(probe.lastAttempt());
            // the simulator's JDK server sends a Date header: measured and small; without one it would say so
            assertThat(skew.detail()).satisfiesAnyOf(d -> assertThat(d).contains("the NCP gateway"), d -> assertThat(d).contains("not measured"));
            assertThat(skew.status()).isNotEqualTo(CheckResult.Status.FAIL);
        }
    }

    @Test
    void probe_wrongSecretKey_failsAsAuthenticationWithoutLeakingIt() {
        try (NcpSimulator sim = NcpSimulator.start(SimulatorSettings.defaults())) {
            NcpProbe probe = NcpProbe.run(config(sim.accessKey(), "wrong-secret-key-0000", sim.baseUrl()), Clock.systemUTC());

            CheckResult keys = NcpKeysCheck.evaluate(Optional.of(probe));

            assertThat(keys.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(keys.detail()).contains("refused the keys").doesNotContain("wrong-secret-key-0000");
            assertThat(keys.fix()).contains("NCP_SECRET_KEY");
        }
    }

    @Test
    void probe_gatewayDateTenMinutesAhead_clockSkewFails() throws Exception {
        try (MockWebServer gateway = new MockWebServer()) {
            gateway.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC)))
                    .setBody("{\"code\":0,\"message\":\"SUCCESS\",\"result\":{\"totalCount\":0,\"clusterList\":[]}}"));
            String base = gateway.url("/").toString();

            NcpProbe probe = NcpProbe.run(config("AK-TEST-0001", "SK-TEST-0001", base), Clock.fixed(NOW, ZoneOffset.UTC));

            CheckResult skew = ClockSkewCheck.evaluate(probe.lastAttempt());
            assertThat(skew.status()).isEqualTo(CheckResult.Status.FAIL);
            assertThat(skew.detail()).contains("600s behind");
        }
    }

    @Test
    void evaluate_noKeys_warnsAndSkewIsNotMeasured() {
        assertThat(NcpKeysCheck.evaluate(Optional.empty()).status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(ClockSkewCheck.evaluate(Optional.empty()).detail()).startsWith("not measured");
    }

    @Test
    void evaluate_skewBands_okWarnFail() {
        assertThat(ClockSkewCheck.evaluate(attempt(Duration.ofSeconds(3))).status()).isEqualTo(CheckResult.Status.OK);
        assertThat(ClockSkewCheck.evaluate(attempt(Duration.ofSeconds(-90))).status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(ClockSkewCheck.evaluate(attempt(Duration.ofMinutes(5))).status()).isEqualTo(CheckResult.Status.FAIL);
    }

    private static Optional<NcpCallEvent> attempt(Duration oursMinusTheirs) {
        return Optional.of(new NcpCallEvent("CDSS getClusterInfoList", "POST", NcpCallEvent.OK, 200, Duration.ofMillis(40),
                Optional.of(NOW.minus(oursMinusTheirs)), NOW));
    }

    private static NcpConfig config(String accessKey, String secretKey, String endpoint) {
        return NcpConfig.fromEnv(Map.of("NCP_ACCESS_KEY", accessKey, "NCP_SECRET_KEY", secretKey,
                "NCP_CDSS_ENDPOINT", endpoint, "NCP_SES_ENDPOINT", endpoint));
    }
}

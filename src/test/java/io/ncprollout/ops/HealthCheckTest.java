package io.ncprollout.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    @Test
    void evaluate_allUp_isUpWith200AndEveryCheckInOrder() {
        Map<String, HealthCheck.Check> checks = new LinkedHashMap<>();
        checks.put("store", () -> HealthCheck.Result.up("reachable"));
        checks.put("poller", HealthCheck.Check.of(() -> true, "alive", "dead"));

        HealthCheck.Report report = new HealthCheck(checks).evaluate();

        assertThat(report.up()).isTrue();
        assertThat(report.httpStatus()).isEqualTo(200);
        assertThat(report.toJson()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"store\":{\"status\":\"UP\",\"detail\":\"reachable\"},"
                + "\"poller\":{\"status\":\"UP\",\"detail\":\"alive\"}}}");
    }

    @Test
    void evaluate_oneDown_isDownWith503() {
        HealthCheck.Report report = new HealthCheck(Map.of("slack", HealthCheck.Check.of(() -> false, "ok", "token revoked"))).evaluate();

        assertThat(report.up()).isFalse();
        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(report.checks().get("slack")).isEqualTo(HealthCheck.Result.down("token revoked"));
    }

    @Test
    void evaluate_checkThrows_isDownWithTheExceptionNotAFailure() {
        HealthCheck.Report report = new HealthCheck(Map.of("store", () -> {
            throw new IllegalStateException("disk gone");
        })).evaluate();

        assertThat(report.up()).isFalse();
        assertThat(report.checks().get("store").detail()).contains("disk gone");
    }
}

package io.ncprollout.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthProbeCommandTest {
    @Test
    void run_nothingListening_saysNothingAnswersOnThatPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = HealthProbeCommand.run(List.of(), Map.of("METRICS_PORT", String.valueOf(port)), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("healthcheck: nothing answers on 127.0.0.1:" + port)
                .doesNotContain("java.net");
    }
}

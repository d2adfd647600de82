package io.ncprollout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The curl lines the simulator prints at startup, pasted into bash as they are, get an answer. */
class SimulatorCurlExampleIT {
    @Test
    void curlExample_pastedIntoBash_isSignedAndAnswered() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        SimulatorCommand.Launch launch = SimulatorCommand.launch(new String[] {"--port", "0"}, Map.of(),
                new PrintStream(banner, true, StandardCharsets.UTF_8));
        try (NcpSimulator sim = launch.simulator()) {
            String text = banner.toString(StandardCharsets.UTF_8);
            String curl = text.substring(text.indexOf("  ts=$(date")).lines().limit(3).map(String::strip)
                    .reduce("", (a, b) -> a + b + "\n");
            Process bash = new ProcessBuilder("/bin/bash", "-c", "command -v curl >/dev/null && command -v openssl >/dev/null || exit 99\n" + curl)
                    .redirectErrorStream(true).start();
            String answer = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assumeTrue(bash.exitValue() != 99, "needs curl and openssl");
            assertThat(answer).as(text).contains("\"message\":\"SUCCESS\"", "demo-kafka");
        }
    }
}

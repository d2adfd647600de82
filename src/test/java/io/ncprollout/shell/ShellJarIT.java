package io.ncprollout.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, as a user runs it: no arguments but a script, no Slack variables; exits 0 after a full restart. */
class ShellJarIT {
    private static final Path JAR = Path.of("target/ncp-rollout-bot.jar");

    @Test
    void jar_runsTheExampleScriptToCompletion() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "run after 'mvn package': " + JAR + " is missing");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "--script", "examples/restart-demo-kafka.txt",
                "--step", "500ms", "--poll", "200ms").redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("NCP_"));
        Process process = builder.start();
        process.getOutputStream().close();

        byte[] output = process.getInputStream().readAllBytes();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);

        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(ended).as(text).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("(simulated)", "[thread demo-kafka]", "every operation completed");
    }

    @Test
    void jar_badConfig_noTerminal_endsAtOnceWithOneClearMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "run after 'mvn package': " + JAR + " is missing");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "alias:\n  orders: orders-prod\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("NCP_"));
        builder.environment().put("ROLLOUT_CONFIG", bad.toString());
        Process process = builder.start();

        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as(text).isTrue();
        assertThat(process.exitValue()).as(text).isNotZero();
        assertThat(text).contains("bad.yaml:1: unknown key 'alias' — did you mean 'aliases'?").doesNotContain("Exception", "\tat ");
    }
}

package io.ncprollout.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, as a user runs it: no arguments but a script, no Slack variables. Every script in {@code examples/}
 * runs and is checked against its golden transcript in {@code src/test/resources/transcripts/} ({@link Transcripts}).
 */
class ShellJarIT {
    private static final Path JAR = Path.of("target/ncp-rollout-bot.jar");
    private static final Path EXAMPLES = Path.of("examples");
    private static final Path TRANSCRIPTS = Path.of("src/test/resources/transcripts");

    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> everyExample_matchesItsGoldenTranscript() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "run after 'mvn package': " + JAR + " is missing");
        List<Path> scripts;
        try (java.util.stream.Stream<Path> files = Files.list(EXAMPLES)) {
            scripts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(scripts).isNotEmpty();
        return scripts.stream().map(script -> org.junit.jupiter.api.DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            Path golden = TRANSCRIPTS.resolve(script.getFileName());
            assertThat(golden).as("every example has a golden transcript").exists();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "--script", script.toString(),
                    "--step", "300ms", "--poll", "100ms").redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("NCP_") || k.equals("ROLLOUT_CONFIG"));
            Process process = builder.start();
            process.getOutputStream().close();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as(text).isTrue();
            assertThat(Transcripts.mismatches(Files.readString(golden), text, process.exitValue())).as(text).isEmpty();
            if (script.getFileName().toString().equals(QUICK_START_SCRIPT)) {
                assertThat(Transcripts.mismatches(readmeQuickStart(), text, process.exitValue())).as("README quick start vs\n" + text).isEmpty();
            }
        }));
    }

    /** The example the README's quick start shows. */
    private static final String QUICK_START_SCRIPT = "restart-demo-kafka.txt";

    /**
     * The README's quick start transcript as a golden: its lines in order, "…" left out, and times, dates and durations
     * (which differ every run) as wildcards.
     */
    static String readmeQuickStart() throws java.io.IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## 5-minute quick start");
        int open = readme.indexOf("```\n", readme.indexOf("examples/restart-demo-kafka.txt", section));
        String block = readme.substring(open + 4, readme.indexOf("```", open + 4));
        return block.lines().filter(l -> !l.strip().equals("…"))
                .map(l -> l.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}", "*").replaceAll("\\d{2}:\\d{2}:\\d{2}", "*")
                        .replaceAll("in \\d+s", "in *s"))
                .collect(java.util.stream.Collectors.joining("\n"));
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

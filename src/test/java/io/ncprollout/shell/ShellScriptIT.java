package io.ncprollout.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's entry point run in-process on scripts, its output captured: the real bot, the simulator (300 ms per
 * node) and the local fake Slack, on real threads.
 */
class ShellScriptIT {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String script, String... extra) throws Exception {
        Path file = dir.resolve("script.txt");
        Files.writeString(file, script);
        List<String> args = new java.util.ArrayList<>(List.of("--script", file.toString(), "--step", "300ms", "--poll", "100ms"));
        args.addAll(List.of(extra));
        return ShellCommand.run(args, Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void restartScript_runsToCompletion_andExitsZero() throws Exception {
        int code = run(Files.readString(Path.of("examples/restart-demo-kafka.txt")));

        String text = output();
        assertThat(code).as(text + err).isZero();
        assertThat(text).contains("(simulated)", "confirm-name> demo-kafka", "[modal] == Confirm restart ==",
                "[modal] Type the cluster name to confirm: [__________]  (confirm-name)",
                "[channel] :arrows_counterclockwise: Rolling restart of demo-kafka started by @U0LOCAL",
                "[thread demo-kafka] Rolling restart of demo-kafka: 3/3 brokers done",
                "[thread demo-kafka, also sent to the channel]", "[shell] Rolling restart of demo-kafka: completed",
                "every operation completed");
        assertThat(text).doesNotContain("xoxb-");
    }

    @Test
    void aRestartScheduledAFewSecondsAhead_isRemindedOf_startedAtItsTime_andWaitedFor() throws Exception {
        // the shell runs on the wall clock: the time is written to the second, 10 s ahead (a slow machine still submits before it), in UTC
        String at = java.time.LocalDateTime.ofInstant(java.time.Instant.now().plusSeconds(10), java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        int code = run("/kafka restart demo-kafka --at " + at + " UTC\ndemo-kafka\nnight patch\n/kafka schedule\nwait until done\n");

        String text = output();
        assertThat(code).as(text + err).isZero();
        assertThat(text).contains("[modal] == Scheduled ==", "Rolling restart of demo-kafka ·", "1 scheduled run(s) due by then",
                "[channel] :alarm_clock: Soon — the rolling restart of demo-kafka", "[Cancel]",
                "[channel] :arrows_counterclockwise: Rolling restart of demo-kafka started by @U0LOCAL", "Started at its time",
                "every operation completed");
    }

    @Test
    void mistypedName_showsTheFieldError_asksAgain_andButtonsWork() throws Exception {
        int code = run("""
                /kafka restart demo-kafka
                demo-kafak
                patch
                demo-kafka
                press show-status
                """);

        String text = output();
        assertThat(code).as(text).isZero();
        assertThat(text).contains("[modal] ! confirm-name: Type the cluster name exactly: demo-kafka")
                .contains("confirm-name> demo-kafka\n")
                .contains("[only you] demo-kafka · Kafka (CDSS)")
                .contains("completed");
        assertThat(text.indexOf("reason> patch")).isEqualTo(text.lastIndexOf("reason> patch"));
    }

    @Test
    void scriptEndingInsideTheModal_exitsNonZero() throws Exception {
        int code = run("/kafka restart demo-kafka\ndemo-kafka\n");

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("the script ended while the modal still asked for input");
    }

    @Test
    void operationStillRunningAtTheTimeout_exitsNonZeroAndSaysSo() throws Exception {
        int code = run("/kafka restart demo-kafka\ndemo-kafka\npatch\n", "--step", "30s", "--timeout", "500ms");

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("Rolling restart of demo-kafka: still running when the wait ended", "not every operation completed");
    }
}

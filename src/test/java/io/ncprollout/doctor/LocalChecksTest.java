package io.ncprollout.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks that only look at the local disk and environment, and the command's exit code. */
class LocalChecksTest {
    @TempDir
    Path tmp;

    @Test
    void dataDir_writableDirectory_isOk() {
        assertThat(new DataDirCheck(tmp, Optional.empty()).run().status()).isEqualTo(CheckResult.Status.OK);
    }

    @Test
    void dataDir_missingUnderWritableParent_isOkAndNotCreated() {
        Path dir = tmp.resolve("a/b");

        CheckResult result = new DataDirCheck(dir, Optional.empty()).run();

        assertThat(result.status()).isEqualTo(CheckResult.Status.OK);
        assertThat(dir).doesNotExist();
    }

    @Test
    void dataDir_aFile_fails() throws Exception {
        Path file = Files.writeString(tmp.resolve("f"), "x");

        assertThat(new DataDirCheck(file, Optional.empty()).run().status()).isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void dataDir_databaseUrlSet_warnsNotChecked() {
        assertThat(new DataDirCheck(tmp, Optional.of("jdbc:postgresql://db/rollout")).run().status()).isEqualTo(CheckResult.Status.WARN);
    }

    @Test
    void configFile_unset_isOk() {
        assertThat(new ConfigFileCheck(Optional.empty()).run().status()).isEqualTo(CheckResult.Status.OK);
    }

    @Test
    void configFile_validYaml_isOkNamingTheSections() throws Exception {
        Path file = Files.writeString(tmp.resolve("rollout.yaml"), "read:\n  users: [\"*\"]\naliases:\n  orders: orders-prod\n");

        CheckResult result = new ConfigFileCheck(Optional.of(file)).run();

        assertThat(result.status()).isEqualTo(CheckResult.Status.OK);
        assertThat(result.detail()).contains("read", "1 aliases");
    }

    @Test
    void configFile_brokenYaml_failsWithTheLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("rollout.yaml"), "read:\n  users: [\"*\"\naliases: {\n");

        CheckResult result = new ConfigFileCheck(Optional.of(file)).run();

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(result.detail()).contains("rollout.yaml:", "not valid YAML");
    }

    @Test
    void configFile_aFileTheBotRefuses_failsWithEveryProblem() throws Exception {
        Path file = Files.writeString(tmp.resolve("rollout.yaml"), "alias:\n  orders: orders-prod\nadmins: [alice]\n");

        CheckResult result = new ConfigFileCheck(Optional.of(file)).run();

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(result.detail()).contains(":1: unknown key 'alias' — did you mean 'aliases'?", ":3: admins: 'alice' is not a Slack user id");
    }

    @Test
    void configFile_missing_failsSayingWhy() {
        CheckResult result = new ConfigFileCheck(Optional.of(tmp.resolve("nope.yaml"))).run();
        assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(result.detail()).endsWith("nope.yaml: cannot be read: no such file");
        assertThat(result.fix()).contains("fix the path");
    }

    @Test
    void doctor_slackAppTokenWithoutBotToken_printsTheTableAndExitsOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = DoctorCommand.run(Map.of("DATA_DIR", tmp.toString(), "SLACK_APP_TOKEN", "xapp-1-test"),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(text).startsWith("CHECK").contains("slack token", "ncp keys", "clock skew", "store", "config file")
                .contains("Some checks failed");
    }

    @Test
    void doctor_noSlackVariables_saysShellMode_namesTheFourScopes_andFits100Columns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = DoctorCommand.run(Map.of("DATA_DIR", tmp.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());

        String text = out.toString(StandardCharsets.UTF_8);
        List<CheckResult> rows = DoctorCommand.check(Map.of("DATA_DIR", tmp.toString()), Clock.systemUTC());
        assertThat(code).as(text).isZero();
        assertThat(rows.get(0).detail()).contains("shell mode");
        assertThat(rows.get(1).detail()).contains("shell mode", "commands, chat:write, usergroups:read, users:read");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }
}

package io.ncprollout.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pure parts of the shell: options, the environment it builds the bot from, and edit diffs. */
class ShellUnitsTest {

    @Test
    void options_defaultsAndFlags() {
        assertThat(ShellOptions.parse(List.of())).isEqualTo(new ShellOptions(java.util.Optional.empty(),
                Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMinutes(5)));
        ShellOptions o = ShellOptions.parse(List.of("--script", "a.txt", "--step", "500ms", "--timeout", "1m"));
        assertThat(o.script()).contains(Path.of("a.txt"));
        assertThat(o.step()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void options_unknownOrIncomplete_areRefusedByName() {
        assertThatThrownBy(() -> ShellOptions.parse(List.of("--verbose", "x"))).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> ShellOptions.parse(List.of("--script"))).hasMessageContaining("--script");
        assertThatThrownBy(() -> ShellOptions.parse(List.of("--step", "soon"))).hasMessageContaining("--step");
    }

    @Test
    void shellEnv_replacesSlackCredentialsAndDropsNcpKeys() {
        Map<String, String> env = ShellCommand.shellEnv(Map.of("SLACK_APP_TOKEN", "xapp-real", "NCP_ACCESS_KEY", "AK", "NCP_SECRET_KEY", "SK",
                "NCP_REGION", "SGN"), "xoxb-local-1", "secret", "http://127.0.0.1:1/api/", ShellOptions.parse(List.of()));

        assertThat(env).doesNotContainKeys("SLACK_APP_TOKEN", "NCP_ACCESS_KEY", "NCP_SECRET_KEY")
                .containsEntry("SLACK_BOT_TOKEN", "xoxb-local-1").containsEntry("SLACK_API_URL", "http://127.0.0.1:1/api/")
                .containsEntry("NCP_REGION", "SGN").containsEntry("ROLLOUT_POLL_INTERVAL", "1000ms");
    }

    @Test
    void changedLines_areTheNewLinesCountingRepeats() {
        assertThat(FakeSlackWorkspace.changedLines(List.of("a", "b", "ctx", "ctx"), List.of("a", "B", "ctx", "ctx", "ctx")))
                .containsExactly("B", "ctx");
    }
}

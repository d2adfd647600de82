package io.ncprollout.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptsTest {
    private static final String OUTPUT = "> /kafka help\n[only you] `/kafka list` clusters\nnoise\n[channel] started 09:01:07 UTC\n";

    @Test
    void mismatches_linesInOrderWithWildcards_match() {
        assertThat(Transcripts.mismatches("# a comment\n> /kafka help\n[channel] started * UTC\nexit 0\n! WARN", OUTPUT, 0)).isEmpty();
    }

    @Test
    void mismatches_missingOrOutOfOrderOrForbiddenLines_andTheExitStatus_areReported() {
        assertThat(Transcripts.mismatches("[channel] started * UTC\n> /kafka help\n! noise\nexit 1", OUTPUT, 0)).containsExactly(
                "missing (after output line 4): > /kafka help", "printed what it must not: noise", "exit status 0, expected 1");
    }
}

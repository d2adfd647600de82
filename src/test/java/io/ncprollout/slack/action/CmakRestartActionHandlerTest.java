package io.ncprollout.slack.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.builtin.BlockActionRequest;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.testing.SlackHandlerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CMAK restart button (pressed after Slack's confirm dialog), on its own. */
class CmakRestartActionHandlerTest {
    private static final String DEMO = "kafka|KR|1234567|demo-kafka";

    private final SlackHandlerFixture f = new SlackHandlerFixture();
    private final CmakRestartActionHandler handler = new CmakRestartActionHandler(f.work, f.approvals, f.locales);

    @AfterEach
    void close() {
        f.close();
    }

    private void press(String value, String user) {
        BlockActionRequest request = f.press(OperationKind.CMAK_RESTART.confirmationId(), value, user, "C0OPS");
        handler.apply(request, request.getContext());
        f.work.runAll();
    }

    @Test
    void press_byAnAllowedUser_restartsCmakOnce_andReplacesTheOffer() {
        press(DEMO, "U0ALICE");

        assertThat(f.api.count("start")).isEqualTo(1);
        assertThat(f.replies()).singleElement().asString().contains("replace_original").contains(":arrows_counterclockwise:");
    }

    @Test
    void press_bySomeoneNotAllowed_isRefused_andStartsNothing() {
        press(DEMO, "U0EVE");

        assertThat(f.api.count("start")).isZero();
        assertThat(f.replies()).singleElement().asString().contains(":no_entry:");
    }

    @Test
    void aForgedButtonValue_isIgnored() {
        press("opensearch|KR|1|<script>", "U0ALICE");
        press("kafka|KR", "U0ALICE");

        assertThat(f.api.count("start")).isZero();
        assertThat(f.replies()).isEmpty();
    }
}

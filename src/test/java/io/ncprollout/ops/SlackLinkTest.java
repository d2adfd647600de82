package io.ncprollout.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackLinkTest {
    private final SlackLink link = new SlackLink();

    @Test
    void check_noCallYet_isUp() {
        assertThat(link.check().up()).isTrue();
    }

    @Test
    void check_rateLimitedOrRefusedChannel_isStillUp() {
        link.onCall("chat.update", "ratelimited", Duration.ofMillis(20));
        assertThat(link.check().up()).isTrue();

        link.onCall("chat.postMessage", "not_in_channel", Duration.ofMillis(20));
        assertThat(link.check().up()).isTrue();
    }

    @Test
    void check_revokedTokenOr5xx_isDown() {
        link.onCall("chat.update", "token_revoked", Duration.ofMillis(20));
        assertThat(link.check()).isEqualTo(HealthCheck.Result.down("last Web API call chat.update: token_revoked"));

        link.onCall("chat.update", "http_503", Duration.ofMillis(20));
        assertThat(link.check().up()).isFalse();
    }

    @Test
    void check_noAnswerAtAll_isDownSayingSlackCannotBeReached() {
        link.onCall("auth.test", "network", Duration.ofMillis(3));

        assertThat(link.check().up()).isFalse();
        assertThat(link.check().detail()).isEqualTo("cannot reach Slack's Web API: the last call, auth.test, got no answer (network)");
        assertThat(link.unanswered()).isTrue();
    }
}

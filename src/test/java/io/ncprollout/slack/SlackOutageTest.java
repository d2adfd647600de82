package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackOutageTest {
    private static final RequestHeaders HEADERS = new RequestHeaders(Map.of());
    private static final UncheckedIOException UNREACHABLE = new UncheckedIOException(new IOException("auth.test got no answer"));

    @Test
    void answer_command_whileSlackIsUnreachable_acksWithAnEphemeralWhy() {
        SlashCommandRequest command = new SlashCommandRequest("command=%2Fkafka&text=help&user_id=U1", HEADERS);

        assertThat(SlackOutage.answer(command, UNREACHABLE)).hasValueSatisfying(r -> {
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(r.getBody()).contains("\"response_type\":\"ephemeral\"", "cannot reach Slack's Web API");
        });
    }

    @Test
    void answer_buttonPress_whileSlackIsUnreachable_isAPlainAck() {
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[]}";
        BlockActionRequest press = new BlockActionRequest("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8), payload, HEADERS);

        assertThat(SlackOutage.answer(press, UNREACHABLE)).hasValueSatisfying(r -> assertThat(r.getStatusCode()).isEqualTo(200));
    }

    @Test
    void answer_otherFailures_areNotAnOutage() {
        SlashCommandRequest command = new SlashCommandRequest("command=%2Fkafka&text=help", HEADERS);

        assertThat(SlackOutage.answer(command, new IllegalStateException("a bug"))).isEmpty();
    }
}

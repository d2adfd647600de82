package io.ncprollout.slack.render;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message ready for {@code chat.postMessage} or {@code chat.update}.
 *
 * @param text   the fallback text that notifications and screen readers show; always set, mrkdwn-escaped
 * @param blocks the Block Kit blocks, within Slack's limits for a message
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
    public SlackMessage {
        Objects.requireNonNull(text, "text == null");
        blocks = List.copyOf(blocks);
    }
}

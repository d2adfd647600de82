package io.ncprollout.slack.render;

import io.ncprollout.rollout.AuditEvent;
import io.ncprollout.rollout.Freeze;
import java.util.ArrayList;
import java.util.List;

/** Pure: the ephemeral answers of {@code /kafka history} and of freezing. */
public final class HistoryMessages {
    static final int MAX_LINES = 40;

    private HistoryMessages() {
    }

    /** The latest audit events, newest first, one line each. */
    public static SlackMessage history(String scope, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return new SlackMessage("No history for " + scope, List.of(SlackText.text("Nothing recorded for " + SlackText.escape(scope) + " yet.")));
        }
        StringBuilder text = new StringBuilder("*History of " + SlackText.escape(scope) + "* (newest first)\n");
        events.stream().limit(MAX_LINES).forEach(e -> text.append(SlackText.dateTime(e.at())).append(" · ")
                .append(e.actor().startsWith("U") || e.actor().startsWith("W") ? SlackText.mention(e.actor()) : SlackText.escape(e.actor()))
                .append(" · *").append(SlackText.escape(e.action())).append("* ")
                .append(e.cluster().map(c -> SlackText.escape(c.name()) + " ").orElse(""))
                .append("→ ").append(SlackText.escape(e.outcome()))
                .append(e.detail().isEmpty() ? "" : " — " + SlackText.user(SlackText.cut(e.detail(), 200))).append('\n'));
        List<com.slack.api.model.block.LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(text.toString()));
        return new SlackMessage("History of " + scope + ": " + events.size() + " events", blocks);
    }

    /** The freezes in force. */
    public static SlackMessage freezes(List<Freeze> freezes) {
        if (freezes.isEmpty()) {
            return new SlackMessage("No cluster is frozen", List.of(SlackText.text("No cluster is frozen.")));
        }
        StringBuilder text = new StringBuilder("*Frozen*\n");
        freezes.forEach(f -> text.append(":ice_cube: ").append(f.cluster().map(c -> "*" + SlackText.escape(c.name()) + "*").orElse("*all clusters*"))
                .append(" by ").append(SlackText.mention(f.frozenBy())).append(" since ").append(SlackText.dateTime(f.at()))
                .append(": ").append(SlackText.user(f.reason())).append('\n'));
        return new SlackMessage(freezes.size() + " freeze(s) in force", List.of(SlackText.text(text.toString())));
    }
}

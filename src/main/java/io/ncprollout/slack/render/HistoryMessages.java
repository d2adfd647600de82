package io.ncprollout.slack.render;

import io.ncprollout.rollout.AuditEvent;
import io.ncprollout.rollout.Freeze;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pure: the ephemeral answers of {@code /kafka history} and of freezing. */
public final class HistoryMessages {
    static final int MAX_LINES = 40;

    private HistoryMessages() {
    }

    /** The latest audit events, newest first, one line each. */
    public static SlackMessage history(String scope, List<AuditEvent> events, Locale locale) {
        Texts t = Texts.of(locale);
        if (events.isEmpty()) {
            return new SlackMessage(t.t("history.none.text", scope), List.of(SlackText.text(t.t("history.none", SlackText.escape(scope)))));
        }
        StringBuilder text = new StringBuilder(t.t("history.heading", SlackText.escape(scope)) + "\n");
        events.stream().limit(MAX_LINES).forEach(e -> text.append(SlackText.dateTime(e.at())).append(" · ")
                .append(e.actor().startsWith("U") || e.actor().startsWith("W") ? SlackText.mention(e.actor()) : SlackText.escape(e.actor()))
                .append(" · *").append(SlackText.escape(e.action())).append("* ")
                .append(e.cluster().map(c -> SlackText.escape(c.name()) + " ").orElse(""))
                .append("→ ").append(SlackText.escape(e.outcome()))
                .append(e.detail().isEmpty() ? "" : " — " + SlackText.user(SlackText.cut(e.detail(), 200))).append('\n'));
        List<com.slack.api.model.block.LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(text.toString()));
        return new SlackMessage(t.t("history.text", scope, events.size()), blocks);
    }

    /** The freezes in force. */
    public static SlackMessage freezes(List<Freeze> freezes, Locale locale) {
        Texts t = Texts.of(locale);
        if (freezes.isEmpty()) {
            return new SlackMessage(t.t("freezes.none.text"), List.of(SlackText.text(t.t("freezes.none"))));
        }
        StringBuilder text = new StringBuilder(t.t("freezes.heading") + "\n");
        freezes.forEach(f -> text.append(":ice_cube: ").append(t.t("freezes.line",
                f.cluster().map(c -> "*" + SlackText.escape(c.name()) + "*").orElse("*" + t.t("scope.all") + "*"),
                SlackText.mention(f.frozenBy()), SlackText.dateTime(f.at()), SlackText.user(f.reason()))).append('\n'));
        return new SlackMessage(t.t("freezes.text", freezes.size()), List.of(SlackText.text(text.toString())));
    }

    /** "all clusters", the scope of history and freezes without a cluster. */
    public static String allClusters(Locale locale) {
        return Texts.of(locale).t("scope.all");
    }
}

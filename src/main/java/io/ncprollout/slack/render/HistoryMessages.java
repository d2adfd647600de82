package io.ncprollout.slack.render;

import io.ncprollout.rollout.access.Freeze;
import io.ncprollout.rollout.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure: the ephemeral answers of {@code /kafka history} and of freezing. Lines are packed into sections of whole
 * lines; what does not fit {@value #MAX_LINES} lines or {@value #TEXT_BUDGET} characters is counted ("…and 3 more"),
 * never cut off unsaid.
 */
public final class HistoryMessages {
    static final int MAX_LINES = 40;
    /** Characters the lines may take together (Slack refuses messages near 13,000 characters of block text). */
    static final int TEXT_BUDGET = 9_000;

    private HistoryMessages() {
    }

    /** The latest audit events, newest first, one line each. */
    public static SlackMessage history(String scope, List<AuditEvent> events, Locale locale) {
        Texts t = Texts.of(locale);
        if (events.isEmpty()) {
            return new SlackMessage(t.t("history.none.text", scope), List.of(SlackText.text(t.t("history.none", SlackText.escape(scope)))));
        }
        List<String> lines = events.stream().map(e -> SlackText.dateTime(e.at()) + " · "
                + (e.actor().startsWith("U") || e.actor().startsWith("W") ? SlackText.mention(SlackText.cut(e.actor(), 30))
                        : SlackText.escape(SlackText.cut(e.actor(), 60)))
                + " · *" + SlackText.escape(SlackText.cut(e.action(), 64)) + "* "
                + e.cluster().map(c -> SlackText.escape(SlackText.cut(c.name(), 100)) + " ").orElse("")
                + "→ " + SlackText.escape(SlackText.cut(e.outcome(), 64))
                + (e.detail().isEmpty() ? "" : " — " + SlackText.withTokens(SlackText.cut(oneLine(e.detail()), 200)))).toList();
        List<String> shown = new ArrayList<>();
        shown.add(t.t("history.heading", SlackText.escape(SlackText.cut(scope, 200))));
        shown.addAll(SlackText.fit(lines, MAX_LINES, TEXT_BUDGET, n -> t.t("nodes.more", n)));
        return new SlackMessage(t.t("history.text", SlackText.cut(scope, 200), events.size()), new ArrayList<>(SlackText.sections(shown)));
    }

    /** A detail on one line: an NCP message's line breaks would leave empty lines in the history. */
    private static String oneLine(String detail) {
        return detail.strip().replaceAll("\\s*\\R+\\s*", " ");
    }

    /** The freezes in force. */
    public static SlackMessage freezes(List<Freeze> freezes, Locale locale) {
        Texts t = Texts.of(locale);
        if (freezes.isEmpty()) {
            return new SlackMessage(t.t("freezes.none.text"), List.of(SlackText.text(t.t("freezes.none"))));
        }
        List<String> lines = freezes.stream().map(f -> ":ice_cube: " + t.t("freezes.line",
                f.cluster().map(c -> "*" + SlackText.escape(SlackText.cut(c.name(), 100)) + "*").orElse("*" + t.t("scope.all") + "*"),
                SlackText.mention(f.frozenBy()), SlackText.dateTime(f.at()), SlackText.user(SlackText.cut(f.reason(), 300)))).toList();
        List<String> shown = new ArrayList<>();
        shown.add(t.t("freezes.heading"));
        shown.addAll(SlackText.fit(lines, MAX_LINES, TEXT_BUDGET, n -> t.t("nodes.more", n)));
        return new SlackMessage(t.t("freezes.text", freezes.size()), new ArrayList<>(SlackText.sections(shown)));
    }

    /** "all clusters", the scope of history and freezes without a cluster. */
    public static String allClusters(Locale locale) {
        return Texts.of(locale).t("scope.all");
    }
}

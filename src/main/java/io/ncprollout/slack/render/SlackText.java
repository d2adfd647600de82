package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.SectionBlock;
import io.ncprollout.rollout.operation.NodeHealth;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Pure mrkdwn helpers shared by the renderers: escaping, Slack date tokens, status emoji and length-safe blocks.
 * Date tokens let each reader's Slack client show local time, and they never tick: the text stays equal
 * for equal input, which is what lets the poller skip identical {@code chat.update}s.
 */
public final class SlackText {
    /** Section text limit (Slack allows 3000); kept a little under so an appended "…" still fits. */
    static final int SECTION_MAX = 2900;
    /** Context element text limit (Slack allows 3000 per element); kept under like {@link #SECTION_MAX}. */
    static final int NOTE_MAX = 2900;
    /** What a text object shows where its text would be empty: Slack refuses empty and blank-only texts. */
    static final String BLANK = "—";
    /** User-typed text (a reason) is cut here before escaping; the modal allows 500. */
    static final int USER_TEXT_MAX = 1000;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private SlackText() {
    }

    /** The note every message and view carries while the embedded simulator serves. */
    static String simulated(Texts t) {
        return ":test_tube: " + t.t("simulated");
    }

    /** Escapes the three characters mrkdwn gives meaning to, so that "&lt;!channel&gt;" pings nobody. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text a user typed: cut to {@link #USER_TEXT_MAX} characters, then escaped (cutting first never splits an entity). */
    static String user(String text) {
        return escape(cut(text, USER_TEXT_MAX));
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** {@code text} cut to {@code max}, or {@code fallback} (cut too) when it is blank: for plain_text objects. */
    static String plain(String text, int max, String fallback) {
        return cut(text.isBlank() ? (fallback.isBlank() ? BLANK : fallback) : text, max);
    }

    /**
     * As many of {@code lines} as fit {@code maxLines} lines and {@code budget} characters (each line counted with its
     * line break), then {@code more} with the number left out (such as "…and 12 more"), so nothing is dropped silently.
     */
    static List<String> fit(List<String> lines, int maxLines, int budget, java.util.function.IntFunction<String> more) {
        List<String> kept = new java.util.ArrayList<>();
        int used = 0;
        for (String line : lines) {
            if (kept.size() == maxLines || used + line.length() + 1 > budget) {
                break;
            }
            kept.add(line);
            used += line.length() + 1;
        }
        if (kept.size() < lines.size()) {
            kept.add(more.apply(lines.size() - kept.size()));
        }
        return kept;
    }

    private static final java.util.regex.Pattern BOT_TOKEN =
            java.util.regex.Pattern.compile("<(?:@[UW][A-Z0-9]{2,20}|!date\\^\\d{1,12}\\^[^|<>]{1,60}\\|[^<>]{0,60})>");

    /**
     * Text that may hold the bot's own mentions and date tokens (an audit detail such as a freeze's "since …") among
     * text of users or NCP: the tokens stay tokens, so Slack shows a date in the reader's zone and the shell its
     * fallback, and everything else is escaped as {@link #user} does.
     */
    static String withTokens(String text) {
        java.util.regex.Matcher m = BOT_TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            out.append(user(text.substring(from, m.start()))).append(m.group());
            from = m.end();
        }
        return out.append(user(text.substring(from))).toString();
    }

    /** A Slack user mention; the id is escaped so that a malformed id cannot form another token. */
    static String mention(String userId) {
        return "<@" + escape(userId) + ">";
    }

    /** Date and time, e.g. "Nov 22nd, 2026 10:00:00" in the reader's zone; UTC in the fallback. */
    static String dateTime(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time_secs}|" + DATE_TIME.format(at) + ">";
    }

    /**
     * A Slack date token in {@code format} (such as {@code {date_short_pretty} {time}}) for the reader's zone; every
     * other reader (notifications, the shell, the audit trail) sees the fallback, a plain {@code 2026-12-03 07:19 UTC}.
     */
    static String date(Instant at, String format) {
        return "<!date^" + at.getEpochSecond() + "^" + format + "|" + MINUTES.format(at) + ">";
    }

    /** Time of day in the reader's zone, UTC in the fallback. */
    static String time(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{time_secs}|" + TIME.format(at) + ">";
    }

    /** Time of day and how long ago, both computed by the reader's Slack client. */
    static String timeAgo(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{time_secs} ({ago})|" + TIME.format(at) + ">";
    }

    /** The plain UTC time, for fallback text. */
    static String plainTime(Instant at) {
        return TIME.format(at);
    }

    /**
     * The emoji for a node status. Known raw values (CDSS colours, SES statuses) have their own; any other
     * value falls back on what the tracker made of it, and an unknown one gets a neutral question mark.
     */
    static String statusEmoji(String rawStatus, NodeHealth health) {
        return switch (rawStatus.toLowerCase(Locale.ROOT)) {
            case "green", "running" -> ":large_green_circle:";
            case "yellow" -> ":large_yellow_circle:";
            case "orange" -> ":large_orange_circle:";
            case "red" -> ":red_circle:";
            case "gray", "grey" -> ":white_circle:";
            case "upgrade_opensearch" -> ":arrows_counterclockwise:";
            case "complete" -> ":white_check_mark:";
            default -> switch (health) {
                case HEALTHY -> ":large_green_circle:";
                case CHANGING -> ":large_orange_circle:";
                case DEGRADED -> ":large_yellow_circle:";
                case FAILED -> ":red_circle:";
                case COMPLETE -> ":white_check_mark:";
                case UNKNOWN -> ":grey_question:";
            };
        };
    }

    /** Lines into sections, each as many whole lines as fit {@link #SECTION_MAX} characters. */
    static List<SectionBlock> sections(List<String> lines) {
        List<SectionBlock> blocks = new java.util.ArrayList<>();
        StringBuilder section = new StringBuilder();
        for (String line : lines) {
            if (section.length() > 0 && section.length() + 1 + line.length() > SECTION_MAX) {
                blocks.add(text(section.toString()));
                section.setLength(0);
            }
            section.append(section.length() > 0 ? "\n" : "").append(line);
        }
        if (section.length() > 0) {
            blocks.add(text(section.toString()));
        }
        return blocks;
    }

    /** A mrkdwn section; text over the limit is cut at a line break so no token is split; blank text shows {@link #BLANK}. */
    static SectionBlock text(String mrkdwn) {
        String safe = mrkdwn.isBlank() ? BLANK : mrkdwn;
        if (safe.length() > SECTION_MAX) {
            int end = safe.lastIndexOf('\n', SECTION_MAX);
            safe = safe.substring(0, end > 0 ? end : SECTION_MAX) + "\n…";
        }
        String body = safe;
        return section(s -> s.text(markdownText(body)));
    }

    /**
     * A context block with one mrkdwn element per part (Slack allows 10): blank parts are left out, each part is cut to
     * {@link #NOTE_MAX} characters at a line break where it has one, and a note with no text shows {@link #BLANK}.
     */
    static ContextBlock note(String... parts) {
        List<String> texts = List.of(parts).stream().filter(p -> !p.isBlank()).limit(10).map(SlackText::cutNote).toList();
        return context((texts.isEmpty() ? List.of(BLANK) : texts).stream()
                .map(p -> (com.slack.api.model.block.ContextBlockElement) markdownText(p)).toList());
    }

    private static String cutNote(String text) {
        if (text.length() <= NOTE_MAX) {
            return text;
        }
        int end = text.lastIndexOf('\n', NOTE_MAX);
        return text.substring(0, end > 0 ? end : NOTE_MAX) + "…";
    }
}

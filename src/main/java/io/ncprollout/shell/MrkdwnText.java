package io.ncprollout.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure: Slack mrkdwn as plain terminal text. Tokens in angle brackets become what a reader sees (a date token's
 * fallback, {@code @U123} for a mention, a link's label), bold, italic and strike markers are dropped, quotes
 * become {@code "| "}, entities are unescaped. Emoji names such as {@code :large_green_circle:} and inline code
 * are kept as they are.
 */
final class MrkdwnText {
    private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*\\n]*\\S)?)\\*(?![\\w*])");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_(\\S(?:[^_\\n]*\\S)?)_(?![\\w_])");
    private static final Pattern STRIKE = Pattern.compile("(?<![\\w~])~(\\S(?:[^~\\n]*\\S)?)~(?![\\w~])");

    private MrkdwnText() {
    }

    /** {@code text} without mrkdwn markup. */
    static String plain(String text) {
        String s = text.replaceAll("(?m)^&gt; ?", "| ").replaceAll("(?m)^> ?", "| ");
        s = replaceTokens(s);
        s = BOLD.matcher(s).replaceAll("$1");
        s = ITALIC.matcher(s).replaceAll("$1");
        s = STRIKE.matcher(s).replaceAll("$1");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String replaceTokens(String text) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(token(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One {@code <…>} token: {@code @U1}, {@code #C1}, {@code @here}, a date's fallback, a link's label or URL. */
    static String token(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? null : inner.substring(bar + 1);
        if (target.startsWith("@")) {
            return "@" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("#")) {
            return "#" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("!date^")) {
            return label != null ? label : "(a date)";
        }
        if (target.startsWith("!subteam^")) {
            return label != null ? label : "@" + target.substring("!subteam^".length());
        }
        if (target.startsWith("!")) {
            return "@" + target.substring(1);
        }
        return label != null ? label : target;
    }
}

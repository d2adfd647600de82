package io.ncprollout.slack.render;

import io.ncprollout.rollout.AuditWording;
import io.ncprollout.rollout.EndingReason;
import java.util.Locale;

/**
 * The audit trail's words, from the English bundle: the trail is one record for every reader and is also written as
 * log lines. Mentions stay Slack tokens; text of users and NCP is left unescaped, because the history escapes
 * what it shows.
 */
public final class BundleAuditWording implements AuditWording {
    private final Texts t = Texts.of(Locale.ENGLISH);

    @Override
    public String ending(EndingReason reason) {
        return Endings.of(t, reason, text -> text);
    }
}

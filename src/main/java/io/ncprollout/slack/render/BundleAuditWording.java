package io.ncprollout.slack.render;

import io.ncprollout.rollout.AuditWording;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.tracking.EndingReason;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The audit trail's words, from the English bundle: the trail is one record for every reader and is also written as
 * log lines. Mentions and date tokens stay Slack tokens; text of users and NCP is left unescaped, because the history
 * escapes what it shows.
 */
public final class BundleAuditWording implements AuditWording {
    private static final UnaryOperator<String> AS_IS = text -> text;

    private final Texts t = Texts.of(Locale.ENGLISH);

    @Override
    public String ending(EndingReason reason) {
        return Endings.of(t, reason, AS_IS);
    }

    @Override
    public String refusal(Refusal refusal) {
        return Refusals.of(t, refusal, AS_IS);
    }

    @Override
    public String outcome(StartOutcome outcome) {
        return StartOutcomeMessages.message(outcome, t, AS_IS);
    }

    @Override
    public String requestOf(String requester) {
        return t.t("audit.requestOf", SlackText.mention(requester));
    }
}

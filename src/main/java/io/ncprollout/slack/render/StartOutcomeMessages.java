package io.ncprollout.slack.render;

import io.ncprollout.rollout.Rollout;
import io.ncprollout.rollout.StartOutcome;
import java.util.Locale;
import java.util.Objects;

/**
 * Pure: what the confirming user reads about a start request, in their language. The outcomes the bot can phrase
 * from the rollout alone (started, outcome unknown, busy) are written from the bundle; the others carry a sentence
 * built by the rollout package or NCP (a denial's reason, NCP's refusal, a posting error) and show it as it is,
 * in English.
 */
public final class StartOutcomeMessages {
    private StartOutcomeMessages() {
    }

    /** The modal title for {@code outcome}: "Started", "Awaiting approval" or "Not started". */
    public static String title(StartOutcome outcome, Locale locale) {
        Objects.requireNonNull(outcome, "outcome == null");
        String key = outcome.started() ? "title.started"
                : outcome.result() == StartOutcome.Result.AWAITING_APPROVAL ? "title.awaitingApproval" : "title.notStarted";
        return Texts.of(locale).t(key);
    }

    /** "rolling restart", "CMAK restart": an operation's name inside a sentence. */
    public static String kindInSentence(io.ncprollout.rollout.OperationKind kind, Locale locale) {
        return Outcomes.kindInSentence(Texts.of(locale), kind);
    }

    /** One or two sentences (mrkdwn) that say what happened and what to do. */
    public static String message(StartOutcome outcome, Locale locale) {
        Objects.requireNonNull(outcome, "outcome == null");
        Texts t = Texts.of(locale);
        if (outcome.rollout().isEmpty()) {
            return outcome.message();
        }
        Rollout r = outcome.rollout().get().rollout();
        String name = r.request().cluster().name();
        return switch (outcome.result()) {
            case STARTED -> t.t("start.started", Outcomes.kind(t, r.request().kind()), name);
            case OUTCOME_UNKNOWN -> t.t("start.outcomeUnknown", name);
            case BUSY -> t.t("start.busy", "<@" + r.request().requester() + ">", Outcomes.kindInSentence(t, r.request().kind()), name,
                    SlackText.dateTime(r.startedAt()));
            default -> outcome.message();
        };
    }
}

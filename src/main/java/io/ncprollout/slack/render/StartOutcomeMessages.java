package io.ncprollout.slack.render;

import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.tracking.Rollout;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Pure: what the confirming user reads about a start request, in their language: from the rollout (started, outcome
 * unknown, busy, or the ending of a start NCP refused), from the waiting approval request, or from the
 * {@link io.ncprollout.rollout.access.Refusal} that stopped it.
 */
public final class StartOutcomeMessages {
    private StartOutcomeMessages() {
    }

    /** The modal title for {@code outcome}: "Started", "Awaiting approval" or "Not started". */
    public static String title(StartOutcome outcome, Locale locale) {
        Objects.requireNonNull(outcome, "outcome == null");
        String key = outcome.started() ? "title.started"
                : outcome.result() == StartOutcome.Result.AWAITING_APPROVAL ? "title.awaitingApproval"
                : outcome.result() == StartOutcome.Result.SCHEDULED ? "title.scheduled" : "title.notStarted";
        return Texts.of(locale).t(key);
    }

    /** "rolling restart", "CMAK restart": an operation's name inside a sentence. */
    public static String kindInSentence(io.ncprollout.rollout.operation.OperationKind kind, Locale locale) {
        return Outcomes.kindInSentence(Texts.of(locale), kind);
    }

    /** One or two sentences (mrkdwn) that say what happened and what to do. */
    public static String message(StartOutcome outcome, Locale locale) {
        Objects.requireNonNull(outcome, "outcome == null");
        return message(outcome, Texts.of(locale), SlackText::escape);
    }

    /** The same, with {@code data} applied to text of users and NCP in it (escaping for chat, nothing for the audit trail). */
    static String message(StartOutcome outcome, Texts t, UnaryOperator<String> data) {
        if (outcome.refusal().isPresent()) {
            return Refusals.of(t, outcome.refusal().get(), data);
        }
        if (outcome.approval().isPresent()) {
            PendingApproval a = outcome.approval().get();
            String asked = t.t("start.awaitingApproval", Outcomes.kindInSentence(t, a.request().kind()), data.apply(a.request().cluster().name()),
                    SlackText.date(a.expiresAt(), "{time}"));
            return a.schedule().map(w -> asked + " " + t.t("start.awaitingApproval.scheduled", ScheduleTimes.both(w))).orElse(asked);
        }
        if (outcome.scheduled().isPresent()) {
            io.ncprollout.rollout.schedule.ScheduledRun run = outcome.scheduled().get();
            return t.t("start.scheduled", Outcomes.kindInSentence(t, run.request().kind()), data.apply(run.request().cluster().name()),
                    ScheduleTimes.both(run.at(), run.zone()), SlackText.date(run.at(), "{date_short_pretty} {time}"), run.request().cluster().product().command());
        }
        if (outcome.rollout().isEmpty()) {
            return "";
        }
        Rollout r = outcome.rollout().get().rollout();
        String name = r.request().cluster().name();
        return switch (outcome.result()) {
            case STARTED -> t.t("start.started", Outcomes.kind(t, r.request().kind()), name);
            case OUTCOME_UNKNOWN -> t.t("start.outcomeUnknown", name);
            case BUSY -> t.t("start.busy", SlackText.mention(r.request().requester()), Outcomes.kindInSentence(t, r.request().kind()), name,
                    SlackText.dateTime(r.startedAt()));
            default -> r.endingReason().map(why -> Endings.of(t, why, data)).orElse(""); // NCP refused the start
        };
    }
}

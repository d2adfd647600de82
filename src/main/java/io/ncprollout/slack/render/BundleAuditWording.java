package io.ncprollout.slack.render;

import io.ncprollout.rollout.AuditWording;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.audit.Retention;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Durations;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.Rollout;
import java.time.Duration;
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

    @Override
    public String requested(RolloutRequest request) {
        return t.t("audit.requested", kind(request.kind()), request.reason()) + (request.startAnyway() ? t.t("audit.requestedAnyway") : "");
    }

    @Override
    public String started(RolloutRequest request, StartOutcome outcome) {
        return t.t("audit.started", kind(request.kind()) + request.targetVersion().map(v -> t.t("audit.to", v)).orElse(""), request.reason(),
                request.approver().map(a -> t.t("audit.approvedBy", a)).orElse(""), outcome(outcome));
    }

    @Override
    public String gateOverridden(RolloutRequest request, io.ncprollout.rollout.health.GateReport report) {
        return t.t("audit.gateOverridden", report.verdict().name().toLowerCase(Locale.ROOT), report.subjects(), request.reason());
    }

    @Override
    public String abandoned(RolloutRequest request, String reason) {
        return t.t("audit.abandoned", kind(request.kind()), request.requester(), reason);
    }

    @Override
    public String ended(Rollout rollout, Duration took) {
        return t.t("audit.ended", kind(rollout.request().kind()), Durations.describe(took), rollout.endingReason().map(this::ending).orElse(""));
    }

    @Override
    public String purged(Duration keep, Retention.Purged purged) {
        return t.t("audit.purged", keep.toDays(), purged.toString());
    }

    /** The operation's name in the trail: "Rolling restart". */
    public String kind(OperationKind kind) {
        return t.t(kind.messageKey(OperationKind.Word.TITLE));
    }
}

package io.ncprollout.rollout;

import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.fleet.FleetSteps;
import io.ncprollout.rollout.fleet.Skip;
import java.util.Optional;

/** What the outcome of {@link RolloutService#start} means for the fleet that asked for it (pure). */
final class FleetStartOutcomes {
    private FleetStartOutcomes() {
    }

    /** What a start's outcome means for the fleet. */
    static FleetSteps.StartResult resultOf(StartOutcome outcome, String rolloutId) {
        Optional<Refusal> refusal = outcome.refusal();
        return switch (outcome.result()) {
            case STARTED, OUTCOME_UNKNOWN -> new FleetSteps.StartResult.Started();
            // NCP refused the start: the rollout was recorded as failed, and the refresh stops the fleet on it
            case REFUSED -> outcome.rollout().isPresent() ? new FleetSteps.StartResult.Started()
                    : refusal.filter(Refusal.GateFailed.class::isInstance).isPresent()
                    ? new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.GATE_FAILED, ((Refusal.GateFailed) refusal.get()).report().subjects()))
                    : new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.PRECHECK_FAILED,
                            refusal.filter(Refusal.PrecheckFailed.class::isInstance).map(r -> ((Refusal.PrecheckFailed) r).message()).orElse("")));
            case DENIED -> refusal.filter(Refusal.Frozen.class::isInstance)
                    .<FleetSteps.StartResult>map(r -> new FleetSteps.StartResult.Frozen(((Refusal.Frozen) r).reason()))
                    .orElseGet(() -> new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.NOT_ALLOWED, "")));
            case BUSY -> outcome.rollout().filter(t -> t.id().equals(rolloutId)).isPresent() ? new FleetSteps.StartResult.Started()
                    : new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.BUSY,
                            outcome.rollout().map(t -> t.rollout().request().requester()).orElse("")));
            case CHANNEL_UNAVAILABLE -> new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.CHANNEL_UNAVAILABLE, ""));
            // the start could not be sent and its rollout was recorded failed: the refresh stops the fleet on it
            case UNAVAILABLE -> outcome.rollout().isPresent() ? new FleetSteps.StartResult.Started()
                    : refusal.filter(Refusal.PrecheckNotRun.class::isInstance).isPresent()
                    ? new FleetSteps.StartResult.Skipped(new Skip(Skip.Why.PRECHECK_NOT_RUN, ((Refusal.PrecheckNotRun) refusal.get()).error()))
                    : new FleetSteps.StartResult.NotSent();
            case AWAITING_APPROVAL, DUPLICATE, SCHEDULED -> new FleetSteps.StartResult.NotSent();
        };
    }
}

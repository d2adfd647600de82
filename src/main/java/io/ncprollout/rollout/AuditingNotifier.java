package io.ncprollout.rollout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A {@link ProgressNotifier} that also writes each operation's outcome to the audit trail, then delegates. */
public final class AuditingNotifier implements ProgressNotifier {
    private final ProgressNotifier delegate;
    private final Gatekeeper gatekeeper;

    public AuditingNotifier(ProgressNotifier delegate, Gatekeeper gatekeeper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate == null");
        this.gatekeeper = Objects.requireNonNull(gatekeeper, "gatekeeper == null");
    }

    @Override
    public ThreadRef announce(Rollout rollout, String channel, Instant now) throws NotifyException {
        return delegate.announce(rollout, channel, now);
    }

    @Override
    public void progress(Rollout rollout, ThreadRef thread, Instant now) {
        delegate.progress(rollout, thread, now);
    }

    @Override
    public void notice(Rollout rollout, ThreadRef thread, Notice notice, Instant now) {
        if (notice == Notice.FINISHED) {
            gatekeeper.record(rollout.request().requester(), "outcome", Optional.of(rollout.request().cluster()),
                    rollout.state().name().toLowerCase(java.util.Locale.ROOT),
                    rollout.request().kind().title() + " after " + Durations.describe(rollout.elapsed(now)) + ": " + rollout.endingReason().orElse(""));
        }
        delegate.notice(rollout, thread, notice, now);
    }
}

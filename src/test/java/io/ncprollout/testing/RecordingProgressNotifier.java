package io.ncprollout.testing;

import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.ThreadRef;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ProgressNotifier} that records what it was asked to show. */
public final class RecordingProgressNotifier implements ProgressNotifier {
    public final List<Rollout> announced = new CopyOnWriteArrayList<>();
    public final List<Rollout> progress = new CopyOnWriteArrayList<>();
    public final List<Notice> notices = new CopyOnWriteArrayList<>();
    private final AtomicInteger ts = new AtomicInteger(1000);
    private volatile String refuseWith;

    /** Every announcement from now on fails with the chat's {@code error} code (such as {@code not_in_channel}). */
    public void refuseChannel(String error) {
        refuseWith = error;
    }

    @Override
    public ThreadRef announce(Rollout rollout, String channel, Instant now) throws NotifyException {
        if (refuseWith != null) {
            throw new NotifyException(channel, refuseWith, null);
        }
        announced.add(rollout);
        return new ThreadRef(channel, "1700000000." + ts.incrementAndGet(), "1700000000." + ts.incrementAndGet());
    }

    @Override
    public void progress(Rollout rollout, ThreadRef thread, Instant now) {
        progress.add(rollout);
    }

    @Override
    public Delivery deliver(Rollout rollout, ThreadRef thread, Notice notice, Instant now) {
        notices.add(notice);
        return Delivery.delivered();
    }
}

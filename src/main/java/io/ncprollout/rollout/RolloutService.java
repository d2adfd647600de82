package io.ncprollout.rollout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The use cases behind the chat commands: find a cluster, precheck an operation, start it. Every method calls
 * the cloud API and may take seconds, so callers run it off the thread that answers Slack.
 *
 * <p>Starting, in order: (1) claim the cluster in the store, so a second request is told who holds it;
 * (2) precheck again, because the cluster may have changed since the modal opened; (3) post the parent
 * message and the progress reply, so that a channel the bot cannot post to stops us before anything
 * irreversible; (4) send the start exactly once. A refused start is kept as a failed rollout and its thread
 * says so; an unknown outcome is tracked like a start, and the tracker finds out from the cluster.
 */
public final class RolloutService {
    private static final Logger log = LoggerFactory.getLogger(RolloutService.class);

    private final OperationsApi api;
    private final ClusterDirectory directory;
    private final RolloutStore store;
    private final ProgressNotifier notifier;
    private final Gatekeeper gatekeeper;
    private final Clock clock;
    private final Supplier<String> ids;

    public RolloutService(Platform platform, RolloutStore store, ProgressNotifier notifier, Gatekeeper gatekeeper, Clock clock,
            Supplier<String> ids) {
        this.api = platform.api();
        this.directory = platform.directory();
        this.gatekeeper = Objects.requireNonNull(gatekeeper, "gatekeeper == null");
        this.store = Objects.requireNonNull(store, "store == null");
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.ids = Objects.requireNonNull(ids, "ids == null");
    }

    /**
     * The cluster of {@code service} in {@code region} named (or numbered) {@code query}.
     *
     * @throws UnknownClusterException naming the closest matches, when there is no such cluster
     * @throws OperationsException     when the cluster list cannot be read
     */
    public ClusterRef resolve(Service service, String query, String region) throws OperationsException, UnknownClusterException {
        Optional<ClusterSummary> cached = ClusterMatcher.find(directory.clusters(service, region), query);
        if (cached.isPresent()) {
            return cached.get().cluster();
        }
        List<ClusterSummary> fresh = directory.reload(service, region); // a new cluster may not be cached yet
        return ClusterMatcher.find(fresh, query).map(ClusterSummary::cluster)
                .orElseThrow(() -> new UnknownClusterException(service, query, region, ClusterMatcher.closest(fresh, query, 3)));
    }

    /**
     * Every cluster of {@code service} in {@code region}, read afresh (statuses change).
     *
     * @throws OperationsException when the list cannot be read
     */
    public List<ClusterSummary> list(Service service, String region) throws OperationsException {
        return directory.reload(service, region);
    }

    /**
     * Where {@code cluster} can be upgraded to.
     *
     * @throws OperationsException when it cannot be read
     */
    public UpgradeOptions upgradeOptions(ClusterRef cluster) throws OperationsException {
        return api.upgradeOptions(cluster);
    }

    /**
     * The Kafka configuration groups of a version.
     *
     * @throws OperationsException when they cannot be read
     */
    public List<ConfigGroupChoice> configGroups(ClusterRef cluster, String versionCode) throws OperationsException {
        return api.configGroups(cluster, versionCode);
    }

    /**
     * The cluster's current nodes and the platform's precheck, for the confirmation modal.
     *
     * @throws OperationsException when either cannot be read
     */
    public PrecheckReport precheck(OperationTarget target) throws OperationsException {
        Observation current = api.inspect(target.kind(), target.cluster());
        Precheck precheck = api.precheck(target);
        return new PrecheckReport(target, current, precheck);
    }

    /**
     * The cluster's current nodes and status, shaped for {@code kind}. Read-only.
     *
     * @throws OperationsException when they cannot be read
     */
    public Observation inspect(OperationKind kind, ClusterRef cluster) throws OperationsException {
        return api.inspect(kind, cluster);
    }

    /** Every unfinished rollout. */
    public List<TrackedRollout> active() {
        return store.active();
    }

    /** The latest finished rollouts, newest first. */
    public List<TrackedRollout> recent(int limit) {
        return store.recent(limit);
    }

    /** The unfinished rollout with this id, if any. */
    public Optional<TrackedRollout> activeRollout(String id) {
        return store.active().stream().filter(t -> t.id().equals(id)).findFirst();
    }


    /**
     * Starts {@code request}, reporting progress in {@code channel}; never throws for an expected failure. The new
     * rollout's id is in the logging MDC ({@value RolloutPoller#MDC_ROLLOUT_ID}) while it starts.
     */
    public StartOutcome start(RolloutRequest request, String channel) {
        Instant now = clock.instant();
        Rollout rollout = Rollout.started(ids.get(), request, now);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RolloutPoller.MDC_ROLLOUT_ID, rollout.id())) {
            // checked here, on the one path every start takes, whatever the entry point (command, button, approval)
            AccessPolicy.Decision allowed = gatekeeper.mayStart(request.requester(), request.kind(), request.cluster(), channel);
            if (!allowed.allowed()) {
                return new StartOutcome(StartOutcome.Result.DENIED, allowed.reason(), Optional.empty());
            }
            StartOutcome outcome = start(rollout, channel, now);
            gatekeeper.record(request.requester(), "start", Optional.of(request.cluster()), outcome.result().name().toLowerCase(java.util.Locale.ROOT),
                    request.kind().title() + (request.targetVersion().map(v -> " to " + v).orElse("")) + "; reason: " + request.reason()
                            + request.approver().map(a -> "; approved by " + a).orElse("") + "; " + outcome.message());
            return outcome;
        }
    }

    private StartOutcome start(Rollout rollout, String channel, Instant now) {
        RolloutRequest request = rollout.request();
        TrackedRollout claimed = new TrackedRollout(rollout, ThreadRef.pending(channel));
        Optional<TrackedRollout> holder = store.claim(claimed);
        if (holder.isPresent()) {
            return new StartOutcome(StartOutcome.Result.BUSY, StartMessages.busy(holder.get()), holder);
        }
        String id = rollout.id();
        try {
            Precheck precheck = api.precheck(request.target());
            if (!precheck.passed()) {
                store.release(id);
                return new StartOutcome(StartOutcome.Result.REFUSED, StartMessages.precheckFailed(precheck), Optional.empty());
            }
        } catch (OperationsException e) {
            store.release(id);
            return new StartOutcome(StartOutcome.Result.UNAVAILABLE, StartMessages.precheckUnavailable(e), Optional.empty());
        }
        ThreadRef thread;
        try {
            thread = notifier.announce(rollout, channel, now);
        } catch (ProgressNotifier.NotifyException e) {
            store.release(id);
            log.warn("rollout {}: not started, cannot post in {}: {}", id, channel, e.getMessage());
            return new StartOutcome(StartOutcome.Result.CHANNEL_UNAVAILABLE, e.getMessage(), Optional.empty());
        }
        TrackedRollout announced = new TrackedRollout(rollout, thread);
        store.save(announced);
        return send(announced);
    }

    private StartOutcome send(TrackedRollout announced) {
        Rollout rollout = announced.rollout();
        try {
            api.start(rollout.request().target());
            log.info("rollout {}: {} of {} accepted by NCP", rollout.id(), rollout.request().kind(), rollout.request().cluster().name());
            return new StartOutcome(StartOutcome.Result.STARTED, StartMessages.started(rollout), Optional.of(announced));
        } catch (OperationsException e) {
            if (e.reason() == OperationsException.Reason.OUTCOME_UNKNOWN) {
                log.warn("rollout {}: start outcome unknown: {}", rollout.id(), e.getMessage());
                return new StartOutcome(StartOutcome.Result.OUTCOME_UNKNOWN, StartMessages.outcomeUnknown(rollout), Optional.of(announced));
            }
            Instant now = clock.instant();
            Rollout refused = rollout.with(RolloutTransitions.refusedAtStart(rollout, StartMessages.startRefusedReason(e), now));
            TrackedRollout ended = announced.with(refused);
            store.save(ended);
            notifier.notice(refused, ended.thread(), Notice.FINISHED, now);
            StartOutcome.Result result = e.reason() == OperationsException.Reason.REFUSED
                    ? StartOutcome.Result.REFUSED : StartOutcome.Result.UNAVAILABLE;
            return new StartOutcome(result, StartMessages.startRefusedReason(e), Optional.of(ended));
        }
    }
}

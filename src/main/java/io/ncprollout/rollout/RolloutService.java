package io.ncprollout.rollout;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.cluster.ClusterMatcher;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.cluster.UnknownClusterException;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.health.HealthGate;
import io.ncprollout.rollout.operation.ClusterDirectory;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsApi;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.PrecheckReport;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.Receipt;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
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
 * <p>Starting, in order, each step journaled ({@link StartPhase}) before it is taken: (1) claim the cluster in the
 * store, leased to this replica, so a second request is told who holds it; (2) precheck again, because the cluster
 * may have changed since the modal opened; (3) post the parent message and the progress reply, so that a channel
 * the bot cannot post to stops us before anything irreversible, and store them (ANNOUNCED); (4) store SENDING, then
 * send the start exactly once; store SENT or OUTCOME_UNKNOWN. Every write is under the claim's lease: a start whose
 * lease was lost (an admin abandoned it, another replica recovered it) is not sent. A refused start is kept as a
 * failed rollout and its thread says so; an unknown outcome is tracked like a start, and the tracker finds out from
 * the cluster. If the process dies on the way, {@link RolloutPoller} recovers the row from its phase.
 */
public final class RolloutService {
    private static final Logger log = LoggerFactory.getLogger(RolloutService.class);

    private final OperationsApi api;
    private final ClusterDirectory directory;
    private final RolloutStore store;
    private final Journal journal;
    private final ProgressNotifier notifier;
    private final Gatekeeper gatekeeper;
    private final Clock clock;
    private final Supplier<String> ids;
    private final StartSequence sequence;
    private final HealthGate gate;

    public RolloutService(Platform platform, Journal journal, ProgressNotifier notifier, Gatekeeper gatekeeper, Clock clock,
            Supplier<String> ids) {
        this.api = platform.api();
        this.directory = platform.directory();
        this.gatekeeper = Objects.requireNonNull(gatekeeper, "gatekeeper == null");
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.store = journal.rollouts();
        this.notifier = Objects.requireNonNull(notifier, "notifier == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.ids = Objects.requireNonNull(ids, "ids == null");
        this.gate = platform.gate();
        this.sequence = new StartSequence(api, gate, journal, notifier, gatekeeper, clock);
    }

    /**
     * The cluster of {@code service} in {@code region} named (or numbered) {@code query}.
     *
     * @throws UnknownClusterException naming the closest matches, when there is no such cluster
     * @throws OperationsException     when the cluster list cannot be read
     */
    public ClusterRef resolve(Product product, String query, String region) throws OperationsException, UnknownClusterException {
        Optional<ClusterSummary> cached = ClusterMatcher.find(directory.clusters(product, region), query);
        if (cached.isPresent()) {
            return cached.get().cluster();
        }
        List<ClusterSummary> fresh = directory.reload(product, region); // a new cluster may not be cached yet
        return ClusterMatcher.find(fresh, query).map(ClusterSummary::cluster)
                .orElseThrow(() -> new UnknownClusterException(product, query, region, ClusterMatcher.closest(fresh, query, 3)));
    }

    /**
     * Every cluster of {@code service} in {@code region}, read afresh (statuses change).
     *
     * @throws OperationsException when the list cannot be read
     */
    public List<ClusterSummary> list(Product product, String region) throws OperationsException {
        return directory.reload(product, region);
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
     * The cluster's current nodes, the platform's precheck and the data-level health gate, for the confirmation modal.
     * The gate is asked only when the precheck passed (a refused operation needs no second opinion).
     *
     * @throws OperationsException when the nodes or the precheck cannot be read (a gate that cannot look is a report)
     */
    public PrecheckReport precheck(OperationTarget target) throws OperationsException {
        Observation current = api.inspect(target.kind(), target.cluster());
        Precheck precheck = api.precheck(target);
        GateReport report = precheck.passed() && target.kind() != OperationKind.CMAK_RESTART ? gate.check(target.cluster()) : GateReport.off();
        return new PrecheckReport(target, current, precheck, report);
    }

    /** What the data-level health gate says about {@code cluster} now ({@link GateReport#off()} when none covers it). */
    public GateReport gate(ClusterRef cluster) {
        return gate.check(cluster);
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
     * Stores {@code request} as received, before the chat is answered, and marks it as being handled here; hand the
     * receipt to {@link #start(RolloutRequest, String, Optional)} (directly or through the approval rule) and call
     * {@link #answered} once the requester has the answer, whatever it is.
     *
     * @throws StoreUnavailableException when it cannot be stored: answer that nothing was started
     */
    public Receipt receive(RolloutRequest request, String channel) {
        Instant now = clock.instant();
        Rollout rollout = Rollout.started(ids.get(), request, now);
        Replica replica = journal.replica();
        replica.startBegins(rollout.id());
        try {
            store.receive(new TrackedRollout(rollout, ThreadRef.pending(channel), StartPhase.RECEIVED), replica.id(), now, replica.leaseFor());
        } catch (RuntimeException e) {
            replica.startEnds(rollout.id());
            throw e;
        }
        return new Receipt(rollout.id());
    }

    /**
     * The requester has the answer to a received request: unless it became a claim, it is forgotten. Never throws (a
     * store that cannot be reached leaves it to the recovery, which tells the requester once more).
     */
    public void answered(Receipt receipt) {
        try {
            store.dismiss(receipt.rolloutId(), journal.replica().id());
        } catch (StoreUnavailableException e) {
            log.warn("request {}: cannot dismiss it ({}); it is recovered later", receipt.rolloutId(), e.getMessage());
        } finally {
            journal.replica().startEnds(receipt.rolloutId());
        }
    }

    /** {@link #start(RolloutRequest, String, Optional)} without a receipt. */
    public StartOutcome start(RolloutRequest request, String channel) {
        return start(request, channel, Optional.empty());
    }

    /**
     * Starts {@code request}, reporting progress in {@code channel}; never throws for an expected failure. The new
     * rollout's id (the receipt's, when it was received first) is in the logging MDC
     * ({@value RolloutPoller#MDC_ROLLOUT_ID}) while it starts.
     */
    public StartOutcome start(RolloutRequest request, String channel, Optional<Receipt> receipt) {
        Instant now = clock.instant();
        Rollout rollout = Rollout.started(receipt.map(Receipt::rolloutId).orElseGet(ids), request, now);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RolloutPoller.MDC_ROLLOUT_ID, rollout.id())) {
            // checked here, on the one path every start takes, whatever the entry point (command, button, approval)
            AccessPolicy.Decision allowed = gatekeeper.mayStart(request.requester(), request.kind(), request.cluster(), channel);
            if (!allowed.allowed()) {
                return StartOutcome.refused(StartOutcome.Result.DENIED, allowed.reason());
            }
            StartOutcome outcome = sequence.start(rollout, channel, now);
            gatekeeper.record(request.requester(), "start", Optional.of(request.cluster()), outcome.result().name().toLowerCase(java.util.Locale.ROOT),
                    journal.wording().started(request, outcome));
            return outcome;
        }
    }

    /**
     * Ends the unfinished rollout on {@code cluster} for an admin ({@code /kafka abandon}): the bot stops tracking it,
     * frees the cluster and says so in its thread. NCP is not told anything.
     *
     * @return the abandoned rollout, or empty when no operation runs on that cluster
     */
    public Optional<TrackedRollout> abandon(ClusterRef cluster, String admin, String reason) {
        Instant now = clock.instant();
        for (TrackedRollout tracked : store.active()) {
            if (!tracked.rollout().request().cluster().isSameCluster(cluster)) {
                continue;
            }
            Rollout ended = tracked.rollout().with(RolloutTransitions.abandoned(tracked.rollout(), admin, reason, now));
            TrackedRollout next = tracked.with(ended);
            AuditEvent event = new AuditEvent(now, admin, "abandon", Optional.of(cluster), "abandoned",
                    journal.wording().abandoned(tracked.rollout().request(), reason));
            if (store.abandon(next, List.of(Notice.FINISHED), event)) {
                log.info("rollout {}: abandoned by {}", tracked.id(), admin);
                journal.outbox().sendDue();
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }
}

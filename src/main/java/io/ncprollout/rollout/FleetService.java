package io.ncprollout.rollout;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.ApprovalRules;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetApproval;
import io.ncprollout.rollout.fleet.FleetMember;
import io.ncprollout.rollout.fleet.FleetPlan;
import io.ncprollout.rollout.fleet.FleetSpec;
import io.ncprollout.rollout.fleet.FleetSteps;
import io.ncprollout.rollout.fleet.FleetStore;
import io.ncprollout.rollout.fleet.Skip;
import io.ncprollout.rollout.operation.ClusterDirectory;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases of fleets: plan one (select, order, check each cluster: permission, freeze, another operation,
 * NCP's precheck), launch a confirmed plan, pause, resume or stop it, list them. {@link FleetRunner} moves them.
 */
public final class FleetService {
    private static final Logger log = LoggerFactory.getLogger(FleetService.class);

    private final FleetPrechecks prechecks;
    private final ClusterDirectory directory;
    private final RolloutStore rollouts;
    private final FleetStore fleets;
    private final FleetPlan plans;
    private final Gatekeeper gatekeeper;
    private final ApprovalRules approvals;
    private final Replica replica;
    private final Clock clock;

    public FleetService(Platform platform, RolloutStore rollouts, FleetStore fleets, FleetPlan plans, Gatekeeper gatekeeper, ApprovalRules approvals,
            Replica replica, Clock clock) {
        this.prechecks = new FleetPrechecks(platform.api(), platform.gate());
        this.directory = platform.directory();
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts == null");
        this.fleets = Objects.requireNonNull(fleets, "fleets == null");
        this.plans = Objects.requireNonNull(plans, "plans == null");
        this.gatekeeper = Objects.requireNonNull(gatekeeper, "gatekeeper == null");
        this.approvals = Objects.requireNonNull(approvals, "approvals == null");
        this.replica = Objects.requireNonNull(replica, "replica == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** True when {@code typed} names a fleet rather than one cluster. */
    public boolean isFleet(String typed) {
        return plans.isFleet(typed);
    }

    /**
     * A plan as the confirmation shows it.
     *
     * @param members    the clusters in run order, skipped ones with why
     * @param statuses   each cluster's status as listed by NCP, by cluster number (verbatim)
     * @param unknown    names that match no cluster (a plan with any is refused)
     * @param notAllowed clusters the requester may not run this on (a plan with any is refused whole)
     * @param needApproval clusters an approval rule covers: the fleet waits for one approval of the plan
     * @param targets    for an upgrade, what each cluster goes to (NCP's version name, and the config group's), by number
     */
    public record Draft(List<FleetMember> members, Map<String, String> statuses, List<String> unknown, List<String> notAllowed,
            List<String> needApproval, Map<String, String> targets) {
        public Draft {
            members = List.copyOf(members);
            statuses = Map.copyOf(statuses);
            targets = Map.copyOf(targets);
            unknown = List.copyOf(unknown);
            notAllowed = List.copyOf(notAllowed);
            needApproval = List.copyOf(needApproval);
        }

        /** The clusters that will run. */
        public long toRun() {
            return members.stream().filter(m -> m.skip().isEmpty()).count();
        }

        /** True when it can be confirmed: every name known, every cluster allowed, something to run. */
        public boolean confirmable() {
            return unknown.isEmpty() && notAllowed.isEmpty() && toRun() > 0 && members.size() <= FleetSpec.MAX_CLUSTERS;
        }
    }

    /**
     * Plans {@code kind} on the clusters {@code typed} selects in {@code region}: reads the list afresh and prechecks
     * every selected cluster (read-only).
     *
     * @throws OperationsException when the cluster list cannot be read
     */
    public Draft plan(OperationKind kind, String typed, String region, String requester, String channel) throws OperationsException {
        return plan(kind, typed, region, requester, channel, Optional.empty(), Optional.empty());
    }

    /**
     * As {@link #plan(OperationKind, String, String, String, String)}, for an upgrade to {@code version} (a name or a code,
     * found among each cluster's own offers) with the Kafka config group named {@code configGroup} (needed when the
     * version has several).
     */
    public Draft plan(OperationKind kind, String typed, String region, String requester, String channel, Optional<String> version,
            Optional<String> configGroup) throws OperationsException {
        if (kind.isVersioned() && version.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs a version");
        }
        Product product = kind.product();
        List<ClusterSummary> all = directory.reload(product, region);
        FleetPlan.Selection selection = plans.select(typed, all);
        List<FleetMember> members = new ArrayList<>();
        Map<String, String> statuses = new HashMap<>();
        List<String> notAllowed = new ArrayList<>();
        List<String> needApproval = new ArrayList<>();
        Map<String, String> targets = new HashMap<>();
        List<TrackedRollout> active = rollouts.active();
        for (ClusterSummary summary : selection.clusters()) {
            ClusterRef cluster = summary.cluster();
            statuses.put(cluster.number(), summary.status());
            if (members.size() >= FleetSpec.MAX_CLUSTERS) {
                members.add(FleetMember.waiting(cluster, summary.nodeCount())); // counted, refused as too many
                continue;
            }
            AccessPolicy.Decision allowed = gatekeeper.mayStart(requester, kind, cluster, channel);
            if (!allowed.allowed()) {
                if (allowed.reason() instanceof Refusal.Frozen frozen) {
                    members.add(FleetMember.skipped(cluster, summary.nodeCount(), new Skip(Skip.Why.FROZEN, frozen.reason())));
                } else {
                    notAllowed.add(cluster.name());
                    members.add(FleetMember.skipped(cluster, summary.nodeCount(), new Skip(Skip.Why.NOT_ALLOWED, "")));
                }
                continue;
            }
            Optional<TrackedRollout> holder = active.stream().filter(t -> t.rollout().request().cluster().isSameCluster(cluster)).findFirst();
            if (holder.isPresent()) {
                members.add(FleetMember.skipped(cluster, summary.nodeCount(), new Skip(Skip.Why.BUSY, holder.get().rollout().request().requester())));
                continue;
            }
            FleetMember member = kind.isVersioned() ? prechecks.upgrade(kind, cluster, summary.nodeCount(), version.orElseThrow(), configGroup, targets)
                    : prechecks.prechecked(OperationTarget.of(kind, cluster), FleetMember.waiting(cluster, summary.nodeCount()));
            if (member.skip().isEmpty() && approvals.ruleFor(cluster).isPresent()) {
                needApproval.add(cluster.name());
            }
            members.add(member);
        }
        return new Draft(members, statuses, selection.unknown(), notAllowed, needApproval, targets);
    }

    /**
     * Stores a confirmed plan as a fleet, leased to this replica; {@link FleetRunner#announce} then posts its message,
     * and its cycle starts the first wave. The id is the confirmation's: the same form submitted twice launches one
     * fleet.
     *
     * @return the fleet, or empty when this id was launched before
     */
    public Optional<Fleet> launch(String id, FleetSpec spec, List<FleetMember> members) {
        Instant now = clock.instant();
        List<ApprovalRules.Rule> rules = members.stream().filter(m -> m.skip().isEmpty()).map(m -> approvals.ruleFor(m.cluster()))
                .flatMap(Optional::stream).distinct().toList();
        Fleet fleet = rules.isEmpty() ? Fleet.planned(id, spec, members, now)
                : Fleet.awaitingApproval(id, spec, members, new FleetApproval(rules.stream().map(ApprovalRules.Rule::approvers).distinct().toList(),
                        now.plus(rules.stream().map(ApprovalRules.Rule::expires).min(java.time.Duration::compareTo).orElseThrow()), Optional.empty()), now);
        // this process's from now until FleetRunner.announce has posted its message (announce ends the mark; a caller
        // that cannot hand it to announce calls abandonLaunch): a cycle in between must not take it for an orphan
        replica.startBegins(id);
        boolean created;
        try {
            created = fleets.create(fleet, replica.id(), clock.instant(), replica.leaseFor());
        } catch (RuntimeException e) {
            replica.startEnds(id);
            throw e;
        }
        if (!created) {
            replica.startEnds(id);
            return Optional.empty(); // the primary key decides, also between two deliveries racing
        }
        gatekeeper.record(spec.requester(), "fleet", Optional.empty(), "launched", spec.kind().product().command() + " " + spec.kind().action() + " "
                + spec.pattern() + ": " + fleet.toRun() + " clusters, wave " + spec.waveSize() + ", pause " + spec.pause() + ", reason: " + spec.reason());
        log.info("fleet {}: {} of {} clusters ({}) launched by {}", id, spec.kind(), fleet.toRun(), spec.pattern(), spec.requester());
        return Optional.of(fleet);
    }

    /** A launched fleet that will not be handed to {@link FleetRunner#announce} (shutting down): a later cycle ends it. */
    public void abandonLaunch(String id) {
        replica.startEnds(id);
    }

    /** What a Pause, Resume, Stop, Approve or Reject came to. */
    public enum Control { DONE, NOT_ALLOWED, NOT_APPLICABLE, UNKNOWN, OWN_REQUEST, NOT_AN_APPROVER, STORE_UNAVAILABLE }

    /**
     * {@code user} approves the plan: never its requester; one of the approvers of every rule that covers a cluster
     * of it. Audited.
     */
    public Control approve(String id, String user) {
        Optional<Fleet> found = fleets.find(id);
        if (found.isEmpty()) {
            return Control.UNKNOWN;
        }
        Fleet fleet = found.get();
        if (fleet.spec().requester().equals(user)) {
            return Control.OWN_REQUEST;
        }
        if (fleet.approval().isEmpty() || !fleet.approval().get().approvers().stream().allMatch(p -> AccessPolicy.isOneOf(p, user, gatekeeper::isMember))) {
            gatekeeper.record(user, "fleet approve", Optional.empty(), "denied", "not an approver of every cluster of fleet " + id);
            return Control.NOT_AN_APPROVER;
        }
        Control done = decide(id, f -> FleetSteps.approve(f, user, clock.instant()));
        if (done == Control.DONE) {
            gatekeeper.record(user, "fleet approve", Optional.empty(), "approved", "fleet " + id + " of " + fleet.spec().requester() + ": "
                    + fleet.spec().kind().product().command() + " " + fleet.spec().kind().action() + " " + fleet.spec().pattern());
        }
        return done;
    }

    /** {@code user} rejects the plan: an approver of one of its rules, or its requester withdrawing it. Audited. */
    public Control reject(String id, String user) {
        Optional<Fleet> found = fleets.find(id);
        if (found.isEmpty()) {
            return Control.UNKNOWN;
        }
        Fleet fleet = found.get();
        boolean approver = fleet.approval().isPresent() && fleet.approval().get().approvers().stream().anyMatch(p -> AccessPolicy.isOneOf(p, user, gatekeeper::isMember));
        if (!fleet.spec().requester().equals(user) && !approver) {
            return Control.NOT_AN_APPROVER;
        }
        Control done = decide(id, f -> FleetSteps.reject(f, user, clock.instant()));
        if (done == Control.DONE) {
            gatekeeper.record(user, "fleet reject", Optional.empty(), "rejected", "fleet " + id + " of " + fleet.spec().requester());
        }
        return done;
    }

    private Control decide(String id, Function<Fleet, Optional<Fleet>> step) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Fleet> fleet = fleets.find(id);
            if (fleet.isEmpty()) {
                return Control.UNKNOWN;
            }
            Optional<Fleet> next = step.apply(fleet.get());
            if (next.isEmpty()) {
                return Control.NOT_APPLICABLE;
            }
            if (fleets.commit(next.get()).isPresent()) {
                return Control.DONE;
            }
        }
        return Control.NOT_APPLICABLE;
    }

    /** Pause: the running wave finishes, nothing new starts. The requester or an admin. */
    public Control pause(String id, String user) {
        return control(id, user, f -> FleetSteps.pause(f, user, clock.instant()));
    }

    public Control resume(String id, String user) {
        return control(id, user, f -> FleetSteps.resume(f, user, clock.instant()));
    }

    /** Stop for good; the running clusters are followed to their end (NCP has no cancel). */
    public Control stop(String id, String user) {
        return control(id, user, f -> FleetSteps.stop(f, user, clock.instant()));
    }

    private Control control(String id, String user, Function<Fleet, Optional<Fleet>> step) {
        Optional<Fleet> found = fleets.find(id);
        if (found.isEmpty()) {
            return Control.UNKNOWN;
        }
        if (!found.get().spec().requester().equals(user) && !gatekeeper.mayAdmin(user).allowed()) {
            return Control.NOT_ALLOWED;
        }
        return decide(id, step);
    }

    public List<Fleet> active() {
        return fleets.active();
    }

    public List<Fleet> recent(int limit) {
        return fleets.recent(limit);
    }
}

package io.ncprollout.rollout.access;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.audit.AuditLog;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.operation.OperationKind;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Every entry point's check (command, button, modal submission, approval) and the audit trail of what it
 * decided. It decides from the verified user id of the request only; a denial is audited (in the trail's words) and
 * comes back as a {@link Refusal} for the Slack side to word.
 */
public final class Gatekeeper {
    private final AccessPolicy policy;
    private final UserGroups groups;
    private final FreezeList freezes;
    private final AuditLog audit;
    private final Clock clock;
    private final AccessWording wording;

    /** @param wording the audit trail's words for refusals and approval decisions */
    public Gatekeeper(AccessPolicy policy, UserGroups groups, FreezeList freezes, AuditLog audit, Clock clock, AccessWording wording) {
        this.policy = Objects.requireNonNull(policy, "policy == null");
        this.groups = Objects.requireNonNull(groups, "groups == null");
        this.freezes = Objects.requireNonNull(freezes, "freezes == null");
        this.audit = Objects.requireNonNull(audit, "audit == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.wording = Objects.requireNonNull(wording, "wording == null");
    }

    public AccessPolicy policy() {
        return policy;
    }

    /** May {@code user} start {@code kind} on {@code cluster} from {@code channel}? Also refuses a frozen cluster. */
    public AccessPolicy.Decision mayStart(String user, OperationKind kind, ClusterRef cluster, String channel) {
        AccessPolicy.Decision decision = policy.canStart(user, kind, cluster, channel, groups::isMember);
        if (decision.allowed()) {
            Optional<Freeze> freeze = freezes.all().stream().filter(f -> f.covers(cluster)).findFirst();
            if (freeze.isPresent()) {
                Freeze f = freeze.get();
                decision = AccessPolicy.Decision.deny(new Refusal.Frozen(f.cluster().map(c -> cluster.name()), f.frozenBy(), f.at(), f.reason()));
            }
        }
        if (!decision.allowed()) {
            record(user, "denied", Optional.of(cluster), kind.product().command() + " " + kind.action(), decision.reason());
        }
        return decision;
    }

    /** May {@code user} read cluster lists, status and history? */
    public AccessPolicy.Decision mayRead(String user) {
        AccessPolicy.Decision decision = policy.canRead(user, groups::isMember);
        if (!decision.allowed()) {
            record(user, "denied", Optional.empty(), "read", decision.reason());
        }
        return decision;
    }

    /** May {@code user} read what happens in {@code channel} (status asked there, its operations)? Denials are audited. */
    public AccessPolicy.Decision mayRead(String user, String channel) {
        AccessPolicy.Decision decision = policy.canRead(user, channel, groups::isMember);
        if (!decision.allowed()) {
            record(user, "denied", Optional.empty(), "read", decision.reason());
        }
        return decision;
    }

    /** Could {@code user} read the operations of {@code channel}? Not audited: for filtering lists. */
    public boolean canSee(String user, String channel) {
        return policy.canRead(user, channel, groups::isMember).allowed();
    }

    /** May {@code user} freeze and unfreeze? */
    public AccessPolicy.Decision mayAdmin(String user) {
        AccessPolicy.Decision decision = policy.canAdmin(user);
        if (!decision.allowed()) {
            record(user, "denied", Optional.empty(), "admin", decision.reason());
        }
        return decision;
    }

    /** Is {@code user} a member of {@code group}? */
    public boolean isMember(String user, String group) {
        return groups.isMember(user, group);
    }

    /** Records a refusal in the audit trail, now, in the trail's words. */
    public void record(String actor, String action, Optional<ClusterRef> cluster, String outcome, Refusal refusal) {
        record(actor, action, cluster, outcome, wording.refusal(refusal));
    }

    /** The audit trail's words. */
    public AccessWording wording() {
        return wording;
    }

    /** Records an event in the audit trail, now. */
    public void record(String actor, String action, Optional<ClusterRef> cluster, String outcome, String detail) {
        audit.record(new AuditEvent(clock.instant(), actor, action, cluster, outcome, detail));
    }

    public FreezeList freezes() {
        return freezes;
    }

    public AuditLog audit() {
        return audit;
    }
}

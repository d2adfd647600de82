package io.ncprollout.rollout.access;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Globs;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Pure: who may do what (DESIGN.md, "Safety rules"). Decided from the verified user id of each request and the
 * user's groups, never from anything the request carries about itself.
 *
 * <pre>
 * mode        start (restart, upgrade, restart-cmak)          read (list, status, history)   admin (freeze)
 * OPEN        everyone (the simulator: nothing real breaks)   everyone                       everyone
 * READ_ONLY   nobody (real NCP keys, no permissions file)     everyone                       nobody
 * POLICY      a grant matching service, action, cluster       the read rule, or everyone     the admins list
 *             glob, channel, and user or user group           when the file has none; only
 *                                                             in the rule's channels
 * </pre>
 *
 * Reading covers what shows a cluster or an operation: list, status and history, the App Home tab, and the
 * progress reply's buttons. An operation is readable where its channel is.
 */
public final class AccessPolicy {
    /** How the policy was configured. */
    public enum Mode { OPEN, READ_ONLY, POLICY }

    /**
     * One permission rule.
     *
     * @param services   the services it covers
     * @param actions    the actions ({@code restart}, {@code upgrade}, {@code restart-cmak})
     * @param clusters   globs on the cluster name
     * @param channels   channel ids, or {@code *}
     * @param users      user ids
     * @param usergroups user group ids
     */
    public record Grant(Set<Product> products, Set<String> actions, List<String> clusters, List<String> channels, Set<String> users,
            Set<String> usergroups) {
        public Grant {
            products = Set.copyOf(products);
            actions = Set.copyOf(actions);
            clusters = List.copyOf(clusters);
            channels = List.copyOf(channels);
            users = Set.copyOf(users);
            usergroups = Set.copyOf(usergroups);
        }
    }

    /**
     * Users and groups; {@code *} among the users means everyone.
     *
     * @param users      user ids or {@code *}
     * @param usergroups user group ids
     */
    public record Principals(Set<String> users, Set<String> usergroups) {
        public Principals {
            users = Set.copyOf(users);
            usergroups = Set.copyOf(usergroups);
        }

        public static Principals everyone() {
            return new Principals(Set.of("*"), Set.of());
        }
    }

    /**
     * An answer, with the reason when it is no.
     *
     * @param denial why not, for a denial; empty when allowed
     */
    public record Decision(Optional<Refusal> denial) {
        public Decision {
            Objects.requireNonNull(denial, "denial == null");
        }

        static Decision allow() {
            return new Decision(Optional.empty());
        }

        static Decision deny(Refusal reason) {
            return new Decision(Optional.of(reason));
        }

        public boolean allowed() {
            return denial.isEmpty();
        }

        /**
         * Why it was denied.
         *
         * @throws IllegalStateException when it was allowed
         */
        public Refusal reason() {
            return denial.orElseThrow(() -> new IllegalStateException("allowed: there is no reason to refuse"));
        }
    }

    private final Mode mode;
    private final List<Grant> grants;
    private final Principals read;
    private final Set<String> admins;
    private final List<String> readChannels;

    /** A policy whose read rule covers every channel. */
    public AccessPolicy(Mode mode, List<Grant> grants, Principals read, Set<String> admins) {
        this(mode, grants, read, admins, List.of("*"));
    }

    /** @param readChannels the channels the read rule covers: ids, or {@code *} for any */
    public AccessPolicy(Mode mode, List<Grant> grants, Principals read, Set<String> admins, List<String> readChannels) {
        this.mode = Objects.requireNonNull(mode, "mode == null");
        this.grants = List.copyOf(grants);
        this.read = Objects.requireNonNull(read, "read == null");
        this.admins = Set.copyOf(admins);
        this.readChannels = List.copyOf(readChannels);
    }

    public Mode mode() {
        return mode;
    }

    /**
     * May {@code user} start {@code kind} on {@code cluster} from {@code channel}?
     *
     * @param member answers whether a user is in a user group (asked only for groups the rules name)
     */
    public Decision canStart(String user, OperationKind kind, ClusterRef cluster, String channel, BiPredicate<String, String> member) {
        return switch (mode) {
            case OPEN -> Decision.allow();
            case READ_ONLY -> Decision.deny(new Refusal.ReadOnly());
            case POLICY -> grants.stream().anyMatch(g -> grants(g, user, kind, cluster, channel, member)) ? Decision.allow()
                    : Decision.deny(new Refusal.NotGranted(kind, cluster.name()));
        };
    }

    /** May {@code user} list clusters, read status and history? */
    public Decision canRead(String user, BiPredicate<String, String> member) {
        if (mode != Mode.POLICY || read.users().contains("*") || read.users().contains(user)
                || read.usergroups().stream().anyMatch(g -> member.test(user, g))) {
            return Decision.allow();
        }
        return Decision.deny(new Refusal.NotAReader());
    }

    /** May {@code user} read what happens in {@code channel}: its operations, and status and history asked there? */
    public Decision canRead(String user, String channel, BiPredicate<String, String> member) {
        Decision who = canRead(user, member);
        if (!who.allowed() || mode != Mode.POLICY || readChannels.contains("*") || readChannels.contains(channel)) {
            return who;
        }
        return Decision.deny(new Refusal.ChannelNotRead());
    }

    /** May {@code user} freeze and unfreeze clusters? */
    public Decision canAdmin(String user) {
        return mode == Mode.OPEN || admins.contains(user) ? Decision.allow()
                : Decision.deny(new Refusal.NotAnAdmin());
    }

    /** Is {@code user} one of {@code approvers}? Never decides about the requester: the caller refuses self-approval first. */
    public static boolean isOneOf(Principals who, String user, BiPredicate<String, String> member) {
        return who.users().contains("*") || who.users().contains(user) || who.usergroups().stream().anyMatch(g -> member.test(user, g));
    }

    private static boolean grants(Grant g, String user, OperationKind kind, ClusterRef cluster, String channel,
            BiPredicate<String, String> member) {
        return g.products().contains(kind.product())
                && g.actions().contains(kind.action())
                && Globs.matchesAny(g.clusters(), cluster.name())
                && (g.channels().contains("*") || g.channels().contains(channel))
                && (g.users().contains(user) || g.usergroups().stream().anyMatch(group -> member.test(user, group)));
    }
}

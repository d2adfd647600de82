package io.ncprollout.rollout.access;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Globs;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Pure: which clusters need a second person's approval, who may give it, and how long a request waits. */
public final class ApprovalRules {
    /**
     * One rule.
     *
     * @param clusters  globs on the cluster name
     * @param approvers who may approve
     * @param expires   how long a request waits
     */
    public record Rule(List<String> clusters, AccessPolicy.Principals approvers, Duration expires) {
        public Rule {
            clusters = List.copyOf(clusters);
            Objects.requireNonNull(approvers, "approvers == null");
            Objects.requireNonNull(expires, "expires == null");
        }
    }

    private final List<Rule> rules;

    public ApprovalRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ApprovalRules none() {
        return new ApprovalRules(List.of());
    }

    /** The first rule whose globs match the cluster's name. */
    public Optional<Rule> ruleFor(ClusterRef cluster) {
        return rules.stream().filter(r -> Globs.matchesAny(r.clusters(), cluster.name())).findFirst();
    }
}

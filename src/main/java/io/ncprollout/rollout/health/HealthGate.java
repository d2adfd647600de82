package io.ncprollout.rollout.health;

import io.ncprollout.rollout.cluster.ClusterRef;

/**
 * Port: the data-level gate of a cluster. Implementations read the cluster's data plane (Kafka's AdminClient,
 * OpenSearch's {@code _cluster/health}) within a bounded time, read-only. Every method may take seconds: never call
 * it on a thread that must answer Slack within 3 s.
 */
public interface HealthGate {

    /**
     * What the gate says about {@code cluster} now. Never throws for an expected failure: a gate that cannot look is
     * {@link GateReport.Verdict#UNREACHABLE} with the reason, a cluster no rule covers is {@link GateReport#off()}.
     */
    GateReport check(ClusterRef cluster);

    /** A gate that covers no cluster: what runs when the configuration file has no {@code health:} section. */
    static HealthGate none() {
        return cluster -> GateReport.off();
    }
}

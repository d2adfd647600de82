package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import java.time.Duration;
import java.util.List;

/**
 * Port to the cloud platform that runs the operations (implemented over the NCP API). Every method makes
 * network calls and may take seconds: never call it on a thread that must answer Slack within 3 s.
 */
public interface OperationsApi {

    /**
     * Every cluster of {@code service} in {@code region} (all pages).
     *
     * @throws OperationsException UNAUTHORIZED or UNAVAILABLE
     */
    List<ClusterSummary> listClusters(Product product, String region) throws OperationsException;

    /**
     * The cluster's version and the newer versions it can be upgraded to.
     *
     * @throws OperationsException NOT_FOUND, UNAUTHORIZED or UNAVAILABLE
     */
    UpgradeOptions upgradeOptions(ClusterRef cluster) throws OperationsException;

    /**
     * The Kafka configuration groups of {@code versionCode} (all pages); empty for OpenSearch.
     *
     * @throws OperationsException UNAUTHORIZED or UNAVAILABLE
     */
    List<ConfigGroupChoice> configGroups(ClusterRef cluster, String versionCode) throws OperationsException;

    /**
     * The cluster's current state, shaped as the tracker's observation of the nodes {@code kind} is about
     * (Kafka restart or upgrade: brokers and ZooKeeper nodes; CMAK restart: the CMAK process; OpenSearch: every node).
     *
     * @throws OperationsException NOT_FOUND, UNAUTHORIZED or UNAVAILABLE
     */
    Observation inspect(OperationKind kind, ClusterRef cluster) throws OperationsException;

    /**
     * Asks the platform whether {@code target} may start now. A "no" is a {@link Precheck} that did not pass, not an exception.
     *
     * @throws OperationsException NOT_FOUND, UNAUTHORIZED or UNAVAILABLE when the question could not be asked
     */
    Precheck precheck(OperationTarget target) throws OperationsException;

    /**
     * Starts {@code target}. Sent exactly once: never retried, because a second start is worse than none.
     *
     * @throws OperationsException REFUSED (the platform said no), OUTCOME_UNKNOWN (sent, answer lost: read progress
     *                             to find out), UNAUTHORIZED, or UNAVAILABLE (not sent, or refused before it ran)
     */
    void start(OperationTarget target) throws OperationsException;

    /**
     * The progress of {@code target} once started, from the operation's progress endpoint and the cluster status,
     * read {@code within} the given time: no retry starts that would end after it, and each request is cut at it.
     *
     * @throws OperationsException UNAVAILABLE (try again at the next poll), NOT_FOUND or UNAUTHORIZED
     */
    Observation observe(OperationTarget target, Duration within) throws OperationsException;

    /**
     * Where the cluster's data plane answers: Kafka's broker listeners (CDSS {@code getBrokerInfo}), OpenSearch's nodes
     * (SES {@code getClusterInfo}). For the data-level health gate when its configuration says {@code auto}.
     *
     * @throws OperationsException NOT_FOUND, UNAUTHORIZED or UNAVAILABLE
     */
    DataEndpoints endpoints(ClusterRef cluster) throws OperationsException;
}

package io.ncprollout.rollout.cluster;

/**
 * The cluster-level status reduced to what the tracker decides on: CDSS {@code status} and SES
 * {@code clusterStatus} ({@code running}; {@code changing}, {@code creating}, {@code working};
 * {@code error}); anything else is {@link #OTHER} and its raw value is shown verbatim.
 */
public enum ClusterPhase {
    RUNNING, CHANGING, ERROR, OTHER
}

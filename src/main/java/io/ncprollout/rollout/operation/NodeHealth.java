package io.ncprollout.rollout.operation;

/**
 * A node's status as the tracker understands it; the raw NCP value is kept beside it for display.
 *
 * <pre>
 * CDSS colour      SES status            health
 * green            running               HEALTHY
 * orange           Upgrade_OpenSearch    CHANGING
 * yellow                                 DEGRADED
 * red                                    FAILED
 * -                complete              COMPLETE   (SES reports the node's upgrade as finished)
 * gray, anything else                    UNKNOWN    (shown verbatim, never fatal)
 * </pre>
 */
public enum NodeHealth {
    HEALTHY, CHANGING, DEGRADED, FAILED, COMPLETE, UNKNOWN;

    /** True for a node that is serving normally: {@link #HEALTHY} or {@link #COMPLETE}. */
    public boolean isSettled() {
        return this == HEALTHY || this == COMPLETE;
    }
}

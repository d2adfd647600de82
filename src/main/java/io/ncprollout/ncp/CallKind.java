package io.ncprollout.ncp;

/** Whether a call only reads (safe to repeat) or changes a cluster (sent at most once, ever). */
enum CallKind {
    /** Retried on retryable failures, per the {@link RetryPolicy}. */
    READ,
    /** Exactly one attempt; an answer lost after sending becomes {@link NcpErrorKind#OUTCOME_UNKNOWN}. */
    MUTATE
}

package io.ncprollout.ncp;

/**
 * Why an NCP call failed, classified by what the caller can do about it: {@link #isRetryable()}
 * says whether the same request may succeed later, {@link #hint()} tells a human what to check.
 *
 * <p>Gateway failures carry an {@code errorCode} and an HTTP status (ncp-api.md §2.2); service
 * failures carry the envelope {@code code} (§2.1). {@link #OUTCOME_UNKNOWN} is special: a mutating
 * call may or may not have taken effect, so it is never retried and must be resolved by reading
 * progress.
 */
public enum NcpErrorKind {
    BAD_REQUEST(false, "Bad Request",
            "the request was rejected as malformed; check the parameters and the client version"),
    AUTHENTICATION(false, "Authentication Failed",
            "check the NCP access key and secret key, and that this host's clock is within 5 minutes of"
                    + " real time (sync it with NTP)"),
    PERMISSION(false, "Permission Denied",
            "the sub-account lacks permission for this API; ask an NCP admin to grant the CDSS/SES policy"),
    NOT_FOUND(false, "Not Found",
            "no such route or cluster; check the region, the cluster number and the client version"),
    THROTTLED(true, "Rate Limited", "NCP is throttling calls; retry after the advised delay and poll less often"),
    REQUEST_TOO_LARGE(false, "Request Entity Too Large", "the request body is too large; this is a client bug"),
    ENDPOINT_ERROR(true, "Endpoint Error", "the NCP service behind the gateway is unreachable; retry shortly"),
    ENDPOINT_TIMEOUT(true, "Endpoint Timeout", "the NCP service did not answer in time; retry shortly"),
    UNEXPECTED(true, "Unexpected Error", "NCP reported an unhandled error; retry shortly, then contact NCP support"),
    SERVICE_ERROR(false, "Service Error",
            "NCP refused the operation; read its message, fix the cause and try again"),
    MALFORMED_RESPONSE(true, "Malformed Response",
            "NCP answered with an unexpected body; retry, and report it if it persists"),
    NETWORK_TIMEOUT(true, "Network Timeout", "no answer from NCP in time; check connectivity and retry"),
    NETWORK_FAILURE(true, "Network Failure", "could not reach NCP; check DNS, proxy and firewall, then retry"),
    OUTCOME_UNKNOWN(false, "Outcome Unknown",
            "the request was sent but its answer was lost; do NOT resend it: read the cluster's progress to"
                    + " learn whether it started");

    private final boolean retryable;
    private final String title;
    private final String hint;

    NcpErrorKind(boolean retryable, String title, String hint) {
        this.retryable = retryable;
        this.title = title;
        this.hint = hint;
    }

    /** Whether repeating the same read may succeed. Mutating calls are never repeated, whatever this says. */
    public boolean isRetryable() {
        return retryable;
    }

    /** A short, human title used when NCP gave no message, e.g. {@code Permission Denied}. */
    public String title() {
        return title;
    }

    /** One actionable sentence for the user; never contains request data. */
    public String hint() {
        return hint;
    }
}

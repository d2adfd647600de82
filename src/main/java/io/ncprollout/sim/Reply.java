package io.ncprollout.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import org.jspecify.annotations.Nullable;

/**
 * A served call's outcome, written as the service envelope
 * {@code {"code":…,"message":…,"result":…,"requestId":"<uuid>"}} with HTTP 200.
 *
 * <p>Service codes (INFERRED; ncp-api.md §2.1 documents only 0 and 3, and no HTTP status for failures,
 * so failures are served with HTTP 200 and the client must look at {@code code}):
 * <ul>
 *   <li>0 {@code SUCCESS}</li>
 *   <li>{@value #INVALID_PARAMETER}: a required body field is missing or not a valid value</li>
 *   <li>{@value #INVALID_CLUSTER} {@code Invalid Service Group Instance No}: no such cluster in this service and region</li>
 *   <li>{@value #NOT_POSSIBLE}: the operation may not run now (busy, not ready, wrong version, no snapshot)</li>
 * </ul>
 */
record Reply(int code, String message, @Nullable JsonNode result) {
    static final int INVALID_PARAMETER = 1;
    static final int INVALID_CLUSTER = 3;
    static final int NOT_POSSIBLE = 5;

    static Reply ok(JsonNode result) {
        return new Reply(0, "SUCCESS", result);
    }

    /** The action endpoints' success: {@code result: true}. */
    static Reply accepted() {
        return ok(BooleanNode.TRUE);
    }

    static Reply fail(int code, String message) {
        return new Reply(code, message, null);
    }

    static Reply invalidCluster() {
        return fail(INVALID_CLUSTER, "Invalid Service Group Instance No");
    }
}

package io.ncprollout.rollout;

import io.ncprollout.rollout.tracking.StoreUnavailableException;
import java.time.Instant;

/**
 * Port: the requests that already asked to start something, by a key unique to the request ({@code view:V123} for a
 * submitted modal, {@code approval:<id>} for an approval). Slack may deliver a request again, and a form can be
 * submitted again after its operation ended and the cluster was free; the key makes the second one start nothing.
 * Implemented in {@code store}; the check is atomic, so two deliveries at once claim a key once.
 */
public interface RequestKeys {
    /**
     * Records {@code key} as used at {@code at}.
     *
     * @return true the first time, false when the key was recorded before
     * @throws StoreUnavailableException when the store cannot be reached (the caller starts nothing)
     */
    boolean claim(String key, Instant at);
}

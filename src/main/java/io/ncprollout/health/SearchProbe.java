package io.ncprollout.health;

import io.ncprollout.rollout.health.SearchSnapshot;

/** Reads an OpenSearch cluster's {@code _cluster/health}, read-only, within the target's timeout. */
public interface SearchProbe {

    /**
     * The cluster's health, from the first endpoint that answers.
     *
     * @throws ProbeException when no endpoint answers within the timeout, or the credentials are refused, saying why
     */
    SearchSnapshot read(SearchTarget target) throws ProbeException;
}

package io.ncprollout.sim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One accepted operation on a cluster: what it rolls over and what it leaves behind when done.
 *
 * @param hosts the nodes rolled, in order (the CMAK node alone for a CMAK restart)
 * @param fromVersion the version code when accepted
 * @param targetVersion the version code when done (equal to {@code fromVersion} for restarts)
 * @param targetConfigGroup Kafka: the config group when done; 0 for OpenSearch
 */
record Operation(Kind kind, Instant start, List<String> hosts, String fromVersion, String targetVersion,
                 int targetConfigGroup) {

    /** What the operation does. */
    enum Kind {
        ROLLING_RESTART("rolling restart"),
        ROLLING_UPGRADE("rolling upgrade"),
        CMAK_RESTART("CMAK restart"),
        SEARCH_ENGINE_UPGRADE("rolling upgrade");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** True when the roll goes over the brokers / data nodes (false: the CMAK node only). */
        boolean rollsWorkers() {
            return this != CMAK_RESTART;
        }
    }

    Operation {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(start, "start == null");
        hosts = List.copyOf(hosts);
    }
}

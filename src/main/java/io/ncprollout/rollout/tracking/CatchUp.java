package io.ncprollout.rollout.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Did the data catch up after each node came back? Followed only for a cluster with a data-level health gate: after a
 * broker returns, its partitions' under-replicated count (Kafka), after a node returns, the shards still unassigned,
 * initializing or relocating (OpenSearch). NCP rolls on regardless, so each node's entry ends either caught up (the
 * count reached zero, after how long) or overtaken (the next node went down while the count was not zero, which is
 * the moment a partition may fall under min ISR).
 *
 * @param nodes  one entry per node seen back, in the order they came back
 * @param warned the one warning that a node's data did not catch up within the stall time was raised
 */
public record CatchUp(List<Node> nodes, boolean warned) {
    public CatchUp {
        nodes = List.copyOf(nodes);
    }

    /** Nothing followed yet (no gate, or no node back). */
    public static CatchUp none() {
        return new CatchUp(List.of(), false);
    }

    /** The entry of {@code node}, if it was seen back. */
    public Optional<Node> of(String node) {
        return nodes.stream().filter(n -> n.node().equals(node)).findFirst();
    }

    /**
     * One node's catch-up.
     *
     * @param node       the node's name
     * @param returnedAt when it was seen back
     * @param lagging    the count last seen (under-replicated partitions, or shards not in place); empty before the first look
     * @param outcome    how it ended, once it did
     * @param endedAt    when the count reached zero, or when the next node went down
     */
    public record Node(String node, Instant returnedAt, OptionalInt lagging, Outcome outcome, Optional<Instant> endedAt) {
        public Node {
            Objects.requireNonNull(node, "node == null");
            Objects.requireNonNull(returnedAt, "returnedAt == null");
            Objects.requireNonNull(lagging, "lagging == null");
            Objects.requireNonNull(outcome, "outcome == null");
            Objects.requireNonNull(endedAt, "endedAt == null");
        }

        /** How long it took to catch up (or until it was overtaken). */
        public Optional<Duration> took() {
            return endedAt.map(end -> Duration.between(returnedAt, end));
        }
    }

    /** Where a node's catch-up stands. */
    public enum Outcome {
        /** Its data is still catching up. */
        PENDING,
        /** The count reached zero. */
        CAUGHT_UP,
        /** The next node went down before the count reached zero. */
        OVERTAKEN
    }
}

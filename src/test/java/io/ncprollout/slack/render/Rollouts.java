package io.ncprollout.slack.render;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.TrackerSettings;
import io.ncprollout.testing.Observations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Test fixture: rollouts built the way the poller builds them, through {@link RolloutTransitions}. */
final class Rollouts {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final ClusterRef KAFKA = new ClusterRef(Product.KAFKA, "1234567", "demo-kafka", "KR");
    static final ClusterRef OPENSEARCH = new ClusterRef(Product.OPENSEARCH, "7654321", "demo-search", "KR");
    static final RolloutTransitions TRANSITIONS = new RolloutTransitions(TrackerSettings.of(Duration.ofSeconds(15), Duration.ofMinutes(10)));

    private Rollouts() {
    }

    static Rollout restart(String reason) {
        return Rollout.started("r-1", new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, KAFKA), "U123", reason), T0);
    }

    static Rollout restart() {
        return restart("monthly patching");
    }

    static Rollout openSearchUpgrade() {
        OperationTarget target = new OperationTarget(OperationKind.OPENSEARCH_UPGRADE, OPENSEARCH, Optional.of("2190"), Optional.empty());
        return Rollout.started("r-2", new RolloutRequest(target, "U123", "security fix"), T0);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Rollout poll(Rollout r, long seconds, Observations seen) {
        return poll(r, seconds, seen.build());
    }

    static Rollout poll(Rollout r, long seconds, Observation seen) {
        return TRANSITIONS.next(r, seen, at(seconds)).rollout();
    }

    static Rollout readFailed(Rollout r, long seconds, String reason) {
        return TRANSITIONS.readFailed(r, reason, at(seconds)).rollout();
    }

    static Observations kafka(String status, String... colours) {
        Observations seen = Observations.cluster(status);
        for (int i = 0; i < colours.length; i++) {
            seen.broker("demo-kafka-b-" + (i + 1), colours[i]);
        }
        return seen;
    }

    /** b-1 done (1m 12s), b-2 restarting since 10:01:27, b-3 waiting. */
    static Rollout midway() {
        Rollout r = poll(restart(), 15, kafka("changing", "orange", "green", "green").membersMissing());
        return poll(r, 87, kafka("changing", "green", "orange", "green").membersMissing());
    }

    /** Every broker restarted in turn; completed 3m 05s after the start. */
    static Rollout completed() {
        Rollout r = poll(midway(), 150, kafka("changing", "green", "green", "orange").membersMissing());
        return poll(r, 185, kafka("running", "green", "green", "green"));
    }

    /** b-2 turned red while restarting. */
    static Rollout failed() {
        return poll(midway(), 140, kafka("changing", "green", "red", "green").membersMissing());
    }

    /** A running restart of {@code count} brokers: a third done, one restarting, the rest waiting. */
    static Rollout big(int count) {
        String[] first = new String[count];
        String[] second = new String[count];
        for (int i = 0; i < count; i++) {
            first[i] = i < count / 3 ? "orange" : "green";
            second[i] = i == count / 3 ? "orange" : "green";
        }
        Rollout r = poll(restart(), 15, bigKafka("changing", first));
        return poll(r, 75, bigKafka("changing", second));
    }

    /** {@link #big} brought to a completed end. */
    static Rollout bigCompleted(int count) {
        String[] green = new String[count];
        java.util.Arrays.fill(green, "green");
        return poll(big(count), 600, bigKafka("running", green));
    }

    private static Observations bigKafka(String status, String[] colours) {
        Observations seen = Observations.cluster(status);
        for (int i = 0; i < colours.length; i++) {
            seen.broker(String.format("demo-kafka-broker-%03d", i + 1), colours[i]);
        }
        return seen;
    }
}

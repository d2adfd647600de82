package io.ncprollout.testing;

import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.StartPhase;
import java.time.Duration;
import java.util.List;

/** Test fixture: one value of each typed reason, so tests can check that every case is stored and worded. */
public final class Reasons {
    private Reasons() {
    }

    /** One ending reason of each kind (and each start phase a bot may restart in), with text that needs escaping. */
    public static List<EndingReason> endings() {
        return List.of(new EndingReason.Completed(), new EndingReason.NodeFailed("demo-kafka-b-2", NodeRole.BROKER, "red"),
                new EndingReason.ClusterFailed("error"), new EndingReason.Stalled(Duration.ofHours(1)),
                new EndingReason.NeverChanged(Duration.ofMinutes(30)), new EndingReason.AnswerLost(Duration.ofSeconds(305)),
                new EndingReason.NotStarted(StartPhase.RECEIVED), new EndingReason.NotStarted(StartPhase.CLAIMED),
                new EndingReason.NotStarted(StartPhase.ANNOUNCED), new EndingReason.Abandoned("U0ADMIN", "done in the <console>"),
                new EndingReason.StartRefused("Cluster is not ready & busy"), new EndingReason.StartNotSent("connect timed out"),
                new EndingReason.Text("an older version's sentence <kept>"));
    }
}

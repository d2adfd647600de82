package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.operation.NodeObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pure: folds one poll's node observations into the nodes' progress.
 *
 * <pre>
 * phase before   health seen                        phase after   times
 * any            FAILED                             FAILED        finishedAt = now (first time)
 * any            COMPLETE                           DONE          finishedAt = now (first time)
 * WAITING        HEALTHY                            WAITING
 * WAITING, DONE  CHANGING, DEGRADED, UNKNOWN        IN_PROGRESS   startedAt = now, finishedAt cleared
 * IN_PROGRESS    CHANGING, DEGRADED, UNKNOWN        IN_PROGRESS
 * IN_PROGRESS    HEALTHY                            DONE          finishedAt = now
 * DONE           HEALTHY                            DONE
 * FAILED         HEALTHY                            DONE          finishedAt = now (it recovered)
 * </pre>
 *
 * A node that appears for the first time starts from WAITING; a node no longer reported is dropped.
 */
final class NodeMerge {
    private NodeMerge() {
    }

    static List<NodeProgress> merge(List<NodeProgress> before, List<NodeObservation> seen, Instant now) {
        List<NodeProgress> after = new ArrayList<>(seen.size());
        for (NodeObservation node : seen) {
            NodeProgress previous = before.stream().filter(p -> p.sameNode(node)).findFirst()
                    .orElseGet(() -> NodeProgress.waiting(node));
            after.add(next(previous, node, now));
        }
        return after;
    }

    private static NodeProgress next(NodeProgress p, NodeObservation seen, Instant now) {
        NodePhase phase = p.phase();
        Optional<Instant> started = p.startedAt();
        Optional<Instant> finished = p.finishedAt();
        switch (seen.health()) {
            case FAILED -> {
                phase = NodePhase.FAILED;
                finished = p.phase() == NodePhase.FAILED ? finished : Optional.of(now);
            }
            case COMPLETE -> {
                finished = p.phase() == NodePhase.DONE ? finished : Optional.of(now);
                phase = NodePhase.DONE;
            }
            case HEALTHY -> {
                if (phase == NodePhase.IN_PROGRESS || phase == NodePhase.FAILED) {
                    phase = NodePhase.DONE;
                    finished = Optional.of(now);
                }
            }
            case CHANGING, DEGRADED, UNKNOWN -> {
                if (phase != NodePhase.IN_PROGRESS) {
                    phase = NodePhase.IN_PROGRESS;
                    started = Optional.of(now);
                    finished = Optional.empty();
                }
            }
        }
        return new NodeProgress(seen.name(), seen.role(), seen.rawStatus(), seen.health(), phase, started, finished);
    }

    /**
     * At completion, nodes of the role the operation works through that were never seen changing are counted done
     * (the poll interval can miss a quick restart); nodes of other roles never seen changing are unchanged.
     */
    static List<NodeProgress> settleWaiting(List<NodeProgress> nodes, NodeRole worked) {
        return nodes.stream().map(n -> n.phase() != NodePhase.WAITING ? n
                : new NodeProgress(n.name(), n.role(), n.rawStatus(), n.health(), n.role() == worked ? NodePhase.DONE : NodePhase.UNCHANGED,
                        Optional.empty(), Optional.empty()))
                .toList();
    }

    /** True when the two pictures differ in anything a user would see change. */
    static boolean changed(Snapshot before, Snapshot after) {
        if (!before.clusterStatus().equals(after.clusterStatus()) || !before.versionCode().equals(after.versionCode())
                || before.nodes().size() != after.nodes().size()) {
            return true;
        }
        for (int i = 0; i < before.nodes().size(); i++) {
            NodeProgress a = before.nodes().get(i);
            NodeProgress b = after.nodes().get(i);
            if (!a.name().equals(b.name()) || !a.rawStatus().equals(b.rawStatus())) {
                return true;
            }
        }
        return false;
    }
}

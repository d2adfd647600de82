package io.ncprollout.rollout.tracking;

import io.ncprollout.rollout.cluster.NodeRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Pure: the next {@link CatchUp} of a running operation from what its nodes did and the count the health gate saw
 * ({@code lagging}: under-replicated partitions or shards not in place; empty when the gate could not look this time).
 */
public final class CatchUps {
    private CatchUps() {
    }

    /**
     * Is a look at the data wanted now: a node came back and its entry is new or still pending? Also on the poll that
     * ends the operation, so the last node's entry says where the data stood at the end.
     */
    public static boolean wanted(Tracking t, NodeRole role) {
        for (NodeProgress n : t.snapshot().nodes()) {
            if (n.role() == role && n.phase() == NodePhase.DONE && n.finishedAt().isPresent()
                    && t.catchUp().of(n.name()).map(c -> c.outcome() == CatchUp.Outcome.PENDING).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    /** What a look at the data changes: the new catch-up, and whether the one warning is due now. */
    public record Next(CatchUp catchUp, boolean warn) {
    }

    /**
     * The catch-up of the nodes of {@code role} (the ones that hold data: brokers, data nodes) after a look, asked for
     * at {@code lookAt}, that saw {@code lagging} (empty: the gate could not look). A look asked for before a node came
     * back says nothing about that node. A node whose data is known to lag {@code warnAfter} after its return raises
     * the one warning, at {@code now}.
     */
    public static Next next(Tracking t, NodeRole role, OptionalInt lagging, Instant lookAt, Instant now, Duration warnAfter) {
        CatchUp before = t.catchUp();
        List<CatchUp.Node> nodes = new ArrayList<>(before.nodes());
        for (NodeProgress n : t.snapshot().nodes()) {
            if (n.role() == role && n.phase() == NodePhase.DONE && n.finishedAt().isPresent() && before.of(n.name()).isEmpty()) {
                nodes.add(new CatchUp.Node(n.name(), n.finishedAt().get(), OptionalInt.empty(), CatchUp.Outcome.PENDING, Optional.empty()));
            }
        }
        boolean warn = false;
        for (int i = 0; i < nodes.size(); i++) {
            CatchUp.Node c = nodes.get(i);
            if (c.outcome() != CatchUp.Outcome.PENDING) {
                continue;
            }
            boolean fresh = lagging.isPresent() && !lookAt.isBefore(c.returnedAt());
            OptionalInt seen = fresh ? lagging : c.lagging();
            if (fresh && lagging.getAsInt() == 0) {
                nodes.set(i, new CatchUp.Node(c.node(), c.returnedAt(), lagging, CatchUp.Outcome.CAUGHT_UP, Optional.of(lookAt)));
            } else if (seen.isPresent() && nextWentDown(t, c)) {
                // only a count seen since the node came back tells whether the next one went down too early
                nodes.set(i, new CatchUp.Node(c.node(), c.returnedAt(), seen, CatchUp.Outcome.OVERTAKEN, Optional.of(now)));
            } else {
                nodes.set(i, new CatchUp.Node(c.node(), c.returnedAt(), seen, CatchUp.Outcome.PENDING, Optional.empty()));
                boolean lags = seen.isPresent() && seen.getAsInt() > 0;
                if (lags && !before.warned() && Duration.between(c.returnedAt(), now).compareTo(warnAfter) >= 0) {
                    warn = true;
                }
            }
        }
        return new Next(new CatchUp(nodes, before.warned() || warn), warn);
    }

    /**
     * Did another node go down once {@code c}'s came back? Seen at the same poll counts: the bot sees the cluster once
     * per poll, and NCP takes the next node down as soon as the last is back.
     */
    private static boolean nextWentDown(Tracking t, CatchUp.Node c) {
        return t.snapshot().nodes().stream().anyMatch(n -> !n.name().equals(c.node()) && n.startedAt().filter(s -> !s.isBefore(c.returnedAt())).isPresent());
    }
}

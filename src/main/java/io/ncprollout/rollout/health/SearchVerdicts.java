package io.ncprollout.rollout.health;

import io.ncprollout.rollout.health.GateReport.Figure;
import io.ncprollout.rollout.health.GateReport.Finding;
import io.ncprollout.rollout.health.GateReport.Finding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure: is an OpenSearch cluster safe to roll, node by node? Its health status at least the required one, and no
 * shard moving (relocating or initializing) nor unassigned: a node restarted while shards recover doubles the work and
 * may leave a primary without a copy. With {@code require: yellow} a yellow cluster passes: its replicas unassigned or
 * initializing are what yellow means (they are still counted); relocating shards fail either way. An unknown status is
 * shown verbatim and fails.
 */
public final class SearchVerdicts {
    private SearchVerdicts() {
    }

    /** The statuses a configuration may require, the best first. */
    public static final List<String> STATUSES = List.of("green", "yellow", "red");

    /**
     * The report on {@code seen}.
     *
     * @param require {@code green} or {@code yellow}: the worst status that still passes
     */
    public static GateReport judge(SearchSnapshot seen, String require) {
        int required = STATUSES.indexOf(require.toLowerCase(Locale.ROOT));
        if (required < 0) {
            throw new IllegalArgumentException("require must be one of " + STATUSES + ": " + require);
        }
        List<Finding> findings = new ArrayList<>();
        int status = STATUSES.indexOf(seen.status().toLowerCase(Locale.ROOT));
        if (status < 0 || status > required) {
            findings.add(new Finding(Kind.CLUSTER_STATUS, "cluster", seen.status()));
        }
        boolean yellowAccepted = required >= STATUSES.indexOf("yellow") && status == STATUSES.indexOf("yellow");
        if (seen.unassigned() > 0 && !yellowAccepted) {
            findings.add(new Finding(Kind.SHARDS_UNASSIGNED, "shards", Integer.toString(seen.unassigned())));
        }
        if (seen.initializing() > 0 && !yellowAccepted) {
            findings.add(new Finding(Kind.SHARDS_INITIALIZING, "shards", Integer.toString(seen.initializing())));
        }
        if (seen.relocating() > 0) {
            findings.add(new Finding(Kind.SHARDS_RELOCATING, "shards", Integer.toString(seen.relocating())));
        }
        List<Figure> figures = List.of(new Figure("status", seen.status()), Figure.of("nodes", seen.nodes()), Figure.of("dataNodes", seen.dataNodes()),
                Figure.of("unassigned", seen.unassigned()), Figure.of("initializing", seen.initializing()), Figure.of("relocating", seen.relocating()));
        return GateReport.of(GateReport.Gate.OPENSEARCH, figures, findings);
    }
}

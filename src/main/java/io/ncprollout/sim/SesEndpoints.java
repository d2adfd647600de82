package io.ncprollout.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The SES (OpenSearch) endpoints of ncp-api.md §5.1-5.7, as routes under {@code /api/…-v2}.
 *
 * <p>The three upgrade calls require {@code serviceGroupInstanceNo}, {@code regionNo} (which must be
 * the cluster's, see {@link Topology#regionNo}) and, for precheck and start,
 * {@code targetVersionCode}; all accepted as strings or numbers. Starting an upgrade runs the same
 * checks as the precheck ({@link Prechecks}: newer version, snapshot within 6 hours, not busy).
 * While it runs {@code clusterStatus} is {@code changing}; at the end it is {@code running} and
 * {@code searchEngineVersionCode} is the target. The list takes {@code pageNo}, {@code pageSize},
 * {@code inputText} and {@code vpcName} as query parameters.
 */
final class SesEndpoints {
    private static final ClusterSpec.Service SES = ClusterSpec.Service.OPENSEARCH;

    private final ClusterRegistry registry;
    private final Duration step;

    SesEndpoints(ClusterRegistry registry, Duration step) {
        this.registry = registry;
        this.step = step;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", SES, "/cluster/getClusterInfoList", true, this::list),
                Route.of("GET", SES, "/cluster/getClusterInfo/{no}", true,
                        r -> byPath(r, c -> Reply.ok(SesViews.clusterInfo(c)))),
                Route.of("GET", SES, "/cluster/getClusterNodeList/{no}", true,
                        r -> byPath(r, c -> Reply.ok(NodeListView.render(c)))),
                Route.of("GET", SES, "/cluster/getSearchEngineVersionList", true, r -> Reply.ok(SesViews.versionList())),
                Route.of("POST", SES, "/cluster/rollingUpgradePreCheck", true, r -> upgrade(r, false)),
                Route.of("POST", SES, "/cluster/rollingUpgradeCluster", false, r -> upgrade(r, true)),
                Route.of("POST", SES, "/cluster/getRollingUpgradeProgress", true,
                        r -> byBody(r, c -> Reply.ok(SesViews.progress(c, step)))));
    }

    private Reply list(SimRequest request) {
        Optional<Paging> paging = Paging.parse(request.query().get("pageNo"), request.query().get("pageSize"));
        if (paging.isEmpty()) {
            return Reply.fail(Reply.INVALID_PARAMETER, "pageNo and pageSize must be whole numbers of at least 1");
        }
        String text = request.query().getOrDefault("inputText", "").toLowerCase(Locale.ROOT);
        String vpcName = request.query().get("vpcName");
        List<ClusterSnapshot> matching = registry.list(SES, request.region()).stream()
                .filter(c -> c.spec().name().toLowerCase(Locale.ROOT).contains(text))
                .filter(c -> vpcName == null || vpcName.equals(Topology.vpcName(c.spec().region())))
                .toList();
        ObjectNode result = paging.get().describe(GatewayHandler.JSON.createObjectNode(), matching.size());
        ArrayNode allowed = result.putArray("allowedClusters");
        paging.get().slice(matching).forEach(c -> allowed.add(SesViews.listItem(c)));
        result.putArray("disallowedClusters");
        return Reply.ok(result);
    }

    private Reply upgrade(SimRequest request, boolean start) {
        return byBody(request, cluster -> {
            Optional<String> target = request.text("targetVersionCode");
            if (target.isEmpty()) {
                return Reply.fail(Reply.INVALID_PARAMETER, "Target version code is not allowed to be empty");
            }
            OperationRequest upgrade = new OperationRequest(Operation.Kind.SEARCH_ENGINE_UPGRADE, target.get(), 0);
            Optional<String> refusal = start ? registry.start(cluster, upgrade) : registry.precheck(cluster, upgrade);
            return refusal.map(m -> Reply.fail(Reply.NOT_POSSIBLE, m)).orElseGet(Reply::accepted);
        });
    }

    private Reply byPath(SimRequest request, Function<ClusterSnapshot, Reply> then) {
        OptionalLong no = request.pathNumber();
        if (no.isEmpty()) {
            return Reply.invalidCluster();
        }
        return registry.find(SES, request.region(), no.getAsLong()).map(then).orElseGet(Reply::invalidCluster);
    }

    /** Reads {@code serviceGroupInstanceNo} and {@code regionNo}, and checks the region is the cluster's. */
    private Reply byBody(SimRequest request, Function<ClusterSnapshot, Reply> then) {
        OptionalLong no = request.number("serviceGroupInstanceNo");
        if (no.isEmpty()) {
            return Reply.fail(Reply.INVALID_PARAMETER, "Service group instance no is not allowed to be empty");
        }
        OptionalLong regionNo = request.number("regionNo");
        if (regionNo.isEmpty()) {
            return Reply.fail(Reply.INVALID_PARAMETER, "Region no is not allowed to be empty");
        }
        Optional<ClusterSnapshot> cluster = registry.find(SES, request.region(), no.getAsLong());
        if (cluster.isEmpty()) {
            return Reply.invalidCluster();
        }
        int expected = Topology.regionNo(cluster.get().spec().region());
        if (regionNo.getAsLong() != expected) {
            return Reply.fail(Reply.INVALID_PARAMETER, "Invalid region no " + regionNo.getAsLong() + ": cluster "
                    + cluster.get().spec().name() + " is in region " + expected);
        }
        return then.apply(cluster.get());
    }
}

package io.ncprollout.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The CDSS (Kafka) endpoints of ncp-api.md §4.1-4.13 and getBrokerInfo, as routes under {@code /api/…-v1}.
 *
 * <p>Request numbers ({@code serviceGroupInstanceNo}, {@code upgradeKafkaVersionCode},
 * {@code kafkaVersionCode}, {@code upgradeConfigGroupNo}, {@code pageNo}, {@code pageSize}) are
 * accepted as JSON numbers or numeric strings. Behaviour:
 * <ul>
 *   <li>Rolling restart / upgrade: accepted → status {@code changing}, brokers one at a time
 *       green → orange → green ({@link RollTimeline}); an upgrade switches {@code kafkaVersionCode} and
 *       {@code configGroupNo} when the last broker is done.</li>
 *   <li>restartCMAKService: {@code cmakStatus} orange for one step, then green.</li>
 *   <li>Progress calls when nothing runs: the current (normally all-green) status.</li>
 *   <li>List {@code inputText}: case-insensitive substring of the cluster name; {@code vpcName}: exact.</li>
 *   <li>{@code disallowedClusters} is always empty (the simulated key may manage every cluster).</li>
 * </ul>
 */
final class CdssEndpoints {
    private static final ClusterSpec.Service KAFKA = ClusterSpec.Service.KAFKA;

    private final ClusterRegistry registry;

    CdssEndpoints(ClusterRegistry registry) {
        this.registry = registry;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", KAFKA, "/cluster/getClusterInfoList", true, this::list),
                Route.of("POST", KAFKA, "/cluster/getClusterInfoList/{no}", true,
                        r -> byPath(r, c -> Reply.ok(CdssViews.clusterInfo(c)))),
                Route.of("GET", KAFKA, "/cluster/getClusterNodeList/{no}", true,
                        r -> byPath(r, c -> Reply.ok(NodeListView.render(c)))),
                Route.of("GET", KAFKA, "/cluster/getBrokerInfo/{no}", true,
                        r -> byPath(r, c -> Reply.ok(CdssViews.brokerInfo(c)))),
                Route.of("GET", KAFKA, "/cluster/getClusterStatus/{no}", true,
                        r -> byPath(r, c -> Reply.ok(CdssViews.status(c)))),
                Route.of("GET", KAFKA, "/cluster/getCDSSVersionList", true, r -> Reply.ok(CdssViews.versionList())),
                Route.of("POST", KAFKA, "/configGroup/getKafkaVersionConfigGroupList", true, this::configGroups),
                Route.of("POST", KAFKA, "/cluster/rollingRestartPreCheck", true,
                        r -> byBody(r, c -> precheck(c, OperationRequest.of(Operation.Kind.ROLLING_RESTART)))),
                Route.of("POST", KAFKA, "/cluster/rollingRestart", false,
                        r -> byBody(r, c -> start(c, OperationRequest.of(Operation.Kind.ROLLING_RESTART)))),
                Route.of("POST", KAFKA, "/cluster/rollingRestartProgressCheck", true,
                        r -> byBody(r, c -> Reply.ok(CdssViews.status(c)))),
                Route.of("POST", KAFKA, "/cluster/rollingUpgradePreCheck", true,
                        r -> upgrade(r, (c, req) -> precheck(c, req))),
                Route.of("POST", KAFKA, "/cluster/rollingUpgrade", false,
                        r -> upgrade(r, (c, req) -> start(c, req))),
                Route.of("POST", KAFKA, "/cluster/rollingUpgradeProgressCheck", true,
                        r -> byBody(r, c -> Reply.ok(CdssViews.status(c)))),
                Route.of("GET", KAFKA, "/cluster/restartCMAKService/{no}", false,
                        r -> byPath(r, c -> start(c, OperationRequest.of(Operation.Kind.CMAK_RESTART)))));
    }

    private Reply list(SimRequest request) {
        Optional<Paging> paging = paging(request);
        if (paging.isEmpty()) {
            return Reply.fail(Reply.INVALID_PARAMETER, "pageNo and pageSize must be whole numbers of at least 1");
        }
        String text = request.text("inputText").orElse("").toLowerCase(Locale.ROOT);
        Optional<String> vpcName = request.text("vpcName");
        List<ClusterSnapshot> matching = registry.list(KAFKA, request.region()).stream()
                .filter(c -> c.spec().name().toLowerCase(Locale.ROOT).contains(text))
                .filter(c -> vpcName.isEmpty() || vpcName.get().equals(Topology.vpcName(c.spec().region())))
                .toList();
        ObjectNode result = paging.get().describe(GatewayHandler.JSON.createObjectNode(), matching.size());
        ArrayNode allowed = result.putArray("allowedClusters");
        paging.get().slice(matching).forEach(c -> allowed.add(CdssViews.listItem(c)));
        result.putArray("disallowedClusters");
        return Reply.ok(result);
    }

    private Reply configGroups(SimRequest request) {
        OptionalLong code = request.number("kafkaVersionCode");
        if (code.isEmpty()) {
            return Reply.fail(Reply.INVALID_PARAMETER, "Kafka version code is not allowed to be empty");
        }
        String versionCode = String.valueOf(code.getAsLong());
        if (Catalog.kafkaVersion(versionCode).isEmpty()) {
            return Reply.fail(Reply.INVALID_PARAMETER, "Invalid Kafka version code: " + versionCode);
        }
        Optional<Paging> paging = paging(request);
        if (paging.isEmpty()) {
            return Reply.fail(Reply.INVALID_PARAMETER, "pageNo and pageSize must be whole numbers of at least 1");
        }
        List<Catalog.ConfigGroup> groups = Catalog.configGroups(versionCode);
        ObjectNode result = paging.get().describe(GatewayHandler.JSON.createObjectNode(), groups.size());
        ArrayNode list = result.putArray("kafkaConfigGroupList");
        paging.get().slice(groups).forEach(g -> list.add(CdssViews.configGroup(g)));
        return Reply.ok(result);
    }

    private Reply upgrade(SimRequest request, UpgradeAction action) {
        return byBody(request, cluster -> {
            OptionalLong version = request.number("upgradeKafkaVersionCode");
            OptionalLong group = request.number("upgradeConfigGroupNo");
            if (version.isEmpty()) {
                return Reply.fail(Reply.INVALID_PARAMETER, "Upgrade Kafka version code is not allowed to be empty");
            }
            if (group.isEmpty() || group.getAsLong() > Integer.MAX_VALUE) {
                return Reply.fail(Reply.INVALID_PARAMETER, "Upgrade config group no is not allowed to be empty");
            }
            return action.apply(cluster, new OperationRequest(Operation.Kind.ROLLING_UPGRADE,
                    String.valueOf(version.getAsLong()), (int) group.getAsLong()));
        });
    }

    /** A precheck or start of an upgrade, once its fields are read. */
    @FunctionalInterface
    private interface UpgradeAction {
        Reply apply(ClusterSnapshot cluster, OperationRequest request);
    }

    private Reply precheck(ClusterSnapshot cluster, OperationRequest request) {
        return registry.precheck(cluster, request)
                .map(message -> Reply.fail(Reply.NOT_POSSIBLE, message))
                .orElseGet(Reply::accepted);
    }

    private Reply start(ClusterSnapshot cluster, OperationRequest request) {
        return registry.start(cluster, request)
                .map(message -> Reply.fail(Reply.NOT_POSSIBLE, message))
                .orElseGet(Reply::accepted);
    }

    private Reply byPath(SimRequest request, Function<ClusterSnapshot, Reply> then) {
        OptionalLong no = request.pathNumber();
        return find(request, no).map(then).orElseGet(Reply::invalidCluster);
    }

    private Reply byBody(SimRequest request, Function<ClusterSnapshot, Reply> then) {
        OptionalLong no = request.number("serviceGroupInstanceNo");
        if (no.isEmpty()) {
            return Reply.fail(Reply.INVALID_PARAMETER, "Service group instance no is not allowed to be empty");
        }
        return find(request, no).map(then).orElseGet(Reply::invalidCluster);
    }

    private Optional<ClusterSnapshot> find(SimRequest request, OptionalLong no) {
        return no.isEmpty() ? Optional.empty() : registry.find(KAFKA, request.region(), no.getAsLong());
    }

    private static Optional<Paging> paging(SimRequest request) {
        return Paging.parse(request.raw("pageNo"), request.raw("pageSize"));
    }
}

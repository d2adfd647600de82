package io.ncprollout.ncp;

import io.ncprollout.ncp.dto.CdssClusterInfo;
import io.ncprollout.ncp.dto.CdssClusterStatus;
import io.ncprollout.ncp.dto.PrecheckResult;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.DataEndpoints;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsApi;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link OperationsApi} over the NCP clients: picks the endpoints for each operation, maps DTOs to rollout
 * types (through {@link NcpObservations}) and NCP errors to {@link OperationsException}s. Nothing outside
 * this package sees a DTO.
 *
 * <pre>
 * operation           inspect                       precheck                 start                  observe
 * KAFKA_RESTART       getClusterStatus + info       rollingRestartPreCheck   rollingRestart         rollingRestartProgressCheck + info
 * KAFKA_UPGRADE       getClusterStatus + info       rollingUpgradePreCheck   rollingUpgrade         rollingUpgradeProgressCheck + info
 * CMAK_RESTART        getClusterStatus + info       (none: always passes)    restartCMAKService     getClusterStatus + info
 * OPENSEARCH_UPGRADE  getClusterInfo                rollingUpgradePreCheck   rollingUpgradeCluster  getRollingUpgradeProgress + info
 * </pre>
 * {@link #endpoints} reads CDSS getBrokerInfo or SES getClusterInfo ({@link DataPlanes}).
 * "info" is getClusterInfo, for the cluster status and version; SES calls take the regionNo read from getClusterNodeList.
 * Each row is one arm of {@link #calls}, which the four operations dispatch through.
 */
public final class NcpOperationsGateway implements OperationsApi {
    private final NcpClients clients;

    public NcpOperationsGateway(NcpClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients == null");
    }

    @Override
    public List<ClusterSummary> listClusters(Product product, String region) throws OperationsException {
        return call(() -> product == Product.KAFKA
                ? clients.cdss(NcpRegion.parse(region)).listAllClusters().stream()
                        .map(c -> new ClusterSummary(new ClusterRef(product, c.serviceGroupInstanceNo(), c.clusterName(), region),
                                orUnknown(c.serverStatus()), orUnknown(c.kafkaVersion()), orZero(c.brokerNodeCount())))
                        .toList()
                : clients.ses(NcpRegion.parse(region)).listAllClusters().stream()
                        .map(c -> new ClusterSummary(new ClusterRef(product, c.serviceGroupInstanceNo(), c.clusterName(), region),
                                orUnknown(c.clusterStatus()), orUnknown(c.searchEngineVersion()),
                                orZero(c.dataNodeCount()) + orZero(c.managerNodeCount()) + orZero(c.masterNodeCount())))
                        .toList());
    }

    @Override
    public UpgradeOptions upgradeOptions(ClusterRef c) throws OperationsException {
        return call(() -> {
            if (c.product() == Product.KAFKA) {
                String current = orUnknown(info(c).kafkaVersionCode());
                List<VersionChoice> all = cdss(c).getVersionList().stream()
                        .filter(v -> v.kafkaVersionCode() != null)
                        .map(v -> new VersionChoice(v.kafkaVersionCode(), firstNonBlank(v.applicationVersionName(), v.kafkaVersionName(),
                                v.kafkaVersionCode())))
                        .toList();
                return VersionOrder.options(current, all);
            }
            String current = orUnknown(ses(c).getCluster(c.number()).searchEngineVersionCode());
            List<VersionChoice> all = ses(c).getVersionList().stream()
                    .filter(v -> v.searchEngineVersionCode() != null)
                    .map(v -> new VersionChoice(v.searchEngineVersionCode(), firstNonBlank(v.searchEngineVersionName(), v.searchEngineVersionCode())))
                    .toList();
            return VersionOrder.options(current, all);
        });
    }

    @Override
    public List<ConfigGroupChoice> configGroups(ClusterRef c, String versionCode) throws OperationsException {
        if (c.product() != Product.KAFKA) {
            return List.of();
        }
        return call(() -> cdss(c).getVersionConfigGroups(Long.parseLong(versionCode)).stream()
                .filter(g -> g.configGroupNo() != null)
                .map(g -> new ConfigGroupChoice(String.valueOf(g.configGroupNo()), firstNonBlank(g.configGroupName(), "group " + g.configGroupNo()),
                        g.description() == null ? "" : g.description()))
                .toList());
    }

    @Override
    public Observation inspect(OperationKind kind, ClusterRef c) throws OperationsException {
        return call(() -> calls(kind).inspect().apply(c));
    }

    @Override
    public Precheck precheck(OperationTarget target) throws OperationsException {
        PrecheckResult result = call(() -> calls(target.kind()).precheck().apply(target));
        return new Precheck(result.passed(), result.message() == null ? "" : result.message());
    }

    @Override
    public void start(OperationTarget target) throws OperationsException {
        call(() -> {
            calls(target.kind()).start().accept(target);
            return null;
        });
    }

    @Override
    public DataEndpoints endpoints(ClusterRef c) throws OperationsException {
        return call(() -> c.product() == Product.KAFKA ? DataPlanes.kafka(cdss(c).getBrokerInfo(number(c)))
                : DataPlanes.openSearch(ses(c).getCluster(c.number())));
    }

    @Override
    public Observation observe(OperationTarget target, Duration within) throws OperationsException {
        Instant deadline = clients.clock().instant().plus(within);
        return call(() -> CallDeadline.within(deadline, () -> calls(target.kind()).observe().apply(target)));
    }

    /**
     * The NCP calls of {@code kind}, the table in the class comment. A switch expression without a default: a new
     * kind does not compile until it has its four calls here.
     */
    private KindCalls calls(OperationKind kind) {
        return switch (kind) {
            case KAFKA_RESTART -> new KindCalls(
                    c -> NcpObservations.kafka(cdss(c).getClusterStatus(number(c)), info(c), false),
                    t -> cdss(t.cluster()).rollingRestartPreCheck(number(t.cluster())),
                    t -> cdss(t.cluster()).rollingRestart(number(t.cluster())),
                    t -> NcpObservations.kafka(cdss(t.cluster()).rollingRestartProgressCheck(number(t.cluster())), info(t.cluster()), false));
            case KAFKA_UPGRADE -> new KindCalls(
                    c -> NcpObservations.kafka(cdss(c).getClusterStatus(number(c)), info(c), true),
                    t -> cdss(t.cluster()).rollingUpgradePreCheck(number(t.cluster()), versionCode(t), configGroup(t)),
                    t -> cdss(t.cluster()).rollingUpgrade(number(t.cluster()), versionCode(t), configGroup(t)),
                    t -> NcpObservations.kafka(cdss(t.cluster()).rollingUpgradeProgressCheck(number(t.cluster())), info(t.cluster()), true));
            case CMAK_RESTART -> new KindCalls(
                    c -> NcpObservations.cmak(cdss(c).getClusterStatus(number(c)), info(c)),
                    t -> new PrecheckResult(true, "NCP has no precheck for a CMAK restart", null, null),
                    t -> cdss(t.cluster()).restartCmakService(number(t.cluster())),
                    t -> {
                        CdssClusterStatus status = cdss(t.cluster()).getClusterStatus(number(t.cluster()));
                        return NcpObservations.cmak(status, info(t.cluster()));
                    });
            case OPENSEARCH_UPGRADE -> new KindCalls(
                    c -> NcpObservations.openSearch(ses(c).getCluster(c.number())),
                    t -> ses(t.cluster()).rollingUpgradePreCheck(regionNo(t.cluster()), t.cluster().number(), t.targetVersion().orElseThrow()),
                    t -> ses(t.cluster()).rollingUpgradeCluster(regionNo(t.cluster()), t.cluster().number(), t.targetVersion().orElseThrow()),
                    t -> NcpObservations.openSearch(ses(t.cluster()).getRollingUpgradeProgress(regionNo(t.cluster()), t.cluster().number()),
                            ses(t.cluster()).getCluster(t.cluster().number())));
        };
    }

    /**
     * The NCP calls of one operation kind.
     *
     * @param inspect  the cluster's current state, shaped as the kind's observation
     * @param precheck NCP's precheck (or a passed one where NCP has none)
     * @param start    the one start request
     * @param observe  the progress once started
     */
    private record KindCalls(Function<ClusterRef, Observation> inspect, Function<OperationTarget, PrecheckResult> precheck,
            Consumer<OperationTarget> start, Function<OperationTarget, Observation> observe) {
    }

    private CdssClient cdss(ClusterRef c) {
        return clients.cdss(NcpRegion.parse(c.region()));
    }

    private SesClient ses(ClusterRef c) {
        return clients.ses(NcpRegion.parse(c.region()));
    }

    private CdssClusterInfo info(ClusterRef c) {
        return cdss(c).getCluster(number(c));
    }

    /** SES upgrade calls need the cluster's regionNo, documented only in getClusterNodeList (ncp-api.md §5.10). */
    private String regionNo(ClusterRef c) {
        Integer regionNo = ses(c).getClusterNodeList(c.number()).regionNo();
        if (regionNo == null) {
            throw new IllegalStateException("NCP's node list of " + c.name() + " has no regionNo");
        }
        return String.valueOf(regionNo);
    }

    private static long number(ClusterRef c) {
        try {
            return Long.parseLong(c.number());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cluster number '" + c.number() + "' is not numeric", e);
        }
    }

    private static long versionCode(OperationTarget t) {
        return Long.parseLong(t.targetVersion().orElseThrow());
    }

    private static long configGroup(OperationTarget t) {
        return Long.parseLong(t.configGroupNo().orElseThrow());
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? NcpObservations.MISSING : value;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return NcpObservations.MISSING;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** The one place where NCP failures become {@link OperationsException}s, by what the caller can do. */
    private static <T> T call(Supplier<T> call) throws OperationsException {
        try {
            return call.get();
        } catch (NcpApiException e) {
            OperationsException.Reason reason = switch (e.kind()) {
                case SERVICE_ERROR -> OperationsException.Reason.REFUSED;
                case NOT_FOUND -> OperationsException.Reason.NOT_FOUND;
                case AUTHENTICATION, PERMISSION -> OperationsException.Reason.UNAUTHORIZED;
                case OUTCOME_UNKNOWN -> OperationsException.Reason.OUTCOME_UNKNOWN;
                default -> OperationsException.Reason.UNAVAILABLE;
            };
            String message = e.kind() == NcpErrorKind.SERVICE_ERROR && e.ncpMessage() != null ? e.ncpMessage() : e.getMessage();
            throw new OperationsException(reason, message, e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new OperationsException(OperationsException.Reason.UNAVAILABLE, "NCP answered something the bot cannot use: "
                    + e.getMessage(), e);
        }
    }
}

package io.ncprollout.ncp;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ncprollout.ncp.dto.CdssBrokerInfo;
import io.ncprollout.ncp.dto.CdssClusterInfo;
import io.ncprollout.ncp.dto.CdssClusterStatus;
import io.ncprollout.ncp.dto.CdssClusterSummary;
import io.ncprollout.ncp.dto.ClusterNodeList;
import io.ncprollout.ncp.dto.ClusterPage;
import io.ncprollout.ncp.dto.KafkaConfigGroup;
import io.ncprollout.ncp.dto.KafkaVersion;
import io.ncprollout.ncp.dto.PrecheckResult;
import java.util.List;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Cloud Data Streaming Service (managed Kafka) in one region: one method per endpoint of ncp-api.md
 * §4, with JSON numbers wherever NCP declares Integer. Reads are retried on transient failures;
 * {@link #rollingRestart}, {@link #rollingUpgrade} and {@link #restartCmakService} are sent exactly
 * once. Obtain instances from {@link NcpClients#cdss(NcpRegion)}. Thread-safe.
 */
public final class CdssClient {
    private static final JavaType CLUSTER_PAGE = NcpJson.MAPPER.getTypeFactory().constructParametricType(ClusterPage.class, CdssClusterSummary.class);
    private static final JavaType CLUSTER_INFO = type(CdssClusterInfo.class);
    private static final JavaType CLUSTER_STATUS = type(CdssClusterStatus.class);
    private static final JavaType NODE_LIST = type(ClusterNodeList.class);
    private static final JavaType BROKER_INFO = type(CdssBrokerInfo.class);
    private static final JavaType VERSIONS = type(Versions.class);
    private static final JavaType CONFIG_GROUPS = type(ConfigGroupPage.class);

    private final NcpHttp http;
    private final String baseUrl;

    CdssClient(NcpHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /**
     * One page of clusters whose name contains {@code inputText} (all when null).
     *
     * @throws NcpApiException when the call fails after retries
     */
    public ClusterPage<CdssClusterSummary> getClusterInfoList(@Nullable String inputText, int pageNo, int pageSize) {
        ObjectNode body = NcpJson.object().put("pageNo", pageNo).put("pageSize", pageSize);
        if (inputText != null) {
            body.put("inputText", inputText);
        }
        return http.execute(CallKind.READ, "CDSS getClusterInfoList", post("/cluster/getClusterInfoList", body),
                CLUSTER_PAGE);
    }

    /**
     * Every cluster the caller may manage, following all pages (at most 1000).
     *
     * @throws NcpApiException when any page fails after retries
     */
    public List<CdssClusterSummary> listAllClusters() {
        return Paging.collectAll("CDSS getClusterInfoList", pageNo -> {
            ClusterPage<CdssClusterSummary> page = getClusterInfoList(null, pageNo, Paging.PAGE_SIZE);
            return new Paging.Page<>(page.allowedClusters(), page.isLast(), page.currentPage(), page.totalPage());
        });
    }

    /**
     * One cluster's details (current version code, config group, status); the CMAK password is dropped.
     *
     * @throws NcpApiException {@code SERVICE_ERROR} or {@code NOT_FOUND} for an unknown cluster, else as any read
     */
    public CdssClusterInfo getCluster(long serviceGroupInstanceNo) {
        return http.execute(CallKind.READ, "CDSS getClusterInfo",
                post("/cluster/getClusterInfoList/" + serviceGroupInstanceNo, NcpJson.object()), CLUSTER_INFO);
    }

    /** Broker/ZooKeeper/CMAK health. @throws NcpApiException when the call fails after retries */
    public CdssClusterStatus getClusterStatus(long serviceGroupInstanceNo) {
        return http.execute(CallKind.READ, "CDSS getClusterStatus",
                get("/cluster/getClusterStatus/" + serviceGroupInstanceNo), CLUSTER_STATUS);
    }

    /** The cluster's servers. @throws NcpApiException when the call fails after retries */
    public ClusterNodeList getClusterNodeList(long serviceGroupInstanceNo) {
        return http.execute(CallKind.READ, "CDSS getClusterNodeList",
                get("/cluster/getClusterNodeList/" + serviceGroupInstanceNo), NODE_LIST);
    }

    /**
     * Where the brokers answer: plaintext and TLS listeners, public endpoints, ZooKeeper.
     *
     * @throws NcpApiException when the call fails after retries
     */
    public CdssBrokerInfo getBrokerInfo(long serviceGroupInstanceNo) {
        return http.execute(CallKind.READ, "CDSS getBrokerInfo",
                get("/cluster/getBrokerInfo/" + serviceGroupInstanceNo), BROKER_INFO);
    }

    /** Kafka versions CDSS offers. @throws NcpApiException when the call fails after retries */
    public List<KafkaVersion> getVersionList() {
        Versions versions = http.execute(CallKind.READ, "CDSS getCDSSVersionList", get("/cluster/getCDSSVersionList"),
                VERSIONS);
        return versions.kafkaVersionList();
    }

    /**
     * Every config group of one Kafka version, following all pages.
     *
     * @throws NcpApiException when any page fails after retries
     */
    public List<KafkaConfigGroup> getVersionConfigGroups(long kafkaVersionCode) {
        String operation = "CDSS getKafkaVersionConfigGroupList";
        return Paging.collectAll(operation, pageNo -> {
            ObjectNode body = NcpJson.object().put("kafkaVersionCode", kafkaVersionCode).put("pageNo", pageNo)
                    .put("pageSize", Paging.PAGE_SIZE);
            ConfigGroupPage page = http.execute(CallKind.READ, operation,
                    post("/configGroup/getKafkaVersionConfigGroupList", body), CONFIG_GROUPS);
            return new Paging.Page<>(page.kafkaConfigGroupList(), page.isLast(), page.currentPage(), page.totalPage());
        });
    }

    /**
     * Whether a rolling restart may run now; NCP saying no is {@code passed == false}, not an exception.
     *
     * @throws NcpApiException for gateway, network or malformed-response failures after retries
     */
    public PrecheckResult rollingRestartPreCheck(long serviceGroupInstanceNo) {
        return http.precheck("CDSS rollingRestartPreCheck",
                post("/cluster/rollingRestartPreCheck", instance(serviceGroupInstanceNo)));
    }

    /**
     * Starts a rolling restart. Sent exactly once; returns when NCP has accepted the job.
     *
     * @throws NcpApiException {@code OUTCOME_UNKNOWN} when the answer was lost after sending (read the
     *                         progress to find out), {@code SERVICE_ERROR} when NCP refused, else as classified
     */
    public void rollingRestart(long serviceGroupInstanceNo) {
        http.executeAction(CallKind.MUTATE, "CDSS rollingRestart",
                post("/cluster/rollingRestart", instance(serviceGroupInstanceNo)));
    }

    /** Health while a rolling restart runs. @throws NcpApiException when the call fails after retries */
    public CdssClusterStatus rollingRestartProgressCheck(long serviceGroupInstanceNo) {
        return http.execute(CallKind.READ, "CDSS rollingRestartProgressCheck",
                post("/cluster/rollingRestartProgressCheck", instance(serviceGroupInstanceNo)), CLUSTER_STATUS);
    }

    /**
     * Whether an upgrade to the given version and config group may run now.
     *
     * @throws NcpApiException for gateway, network or malformed-response failures after retries
     */
    public PrecheckResult rollingUpgradePreCheck(long serviceGroupInstanceNo, long upgradeKafkaVersionCode,
            long upgradeConfigGroupNo) {
        return http.precheck("CDSS rollingUpgradePreCheck", post("/cluster/rollingUpgradePreCheck",
                upgrade(serviceGroupInstanceNo, upgradeKafkaVersionCode, upgradeConfigGroupNo)));
    }

    /**
     * Starts a rolling Kafka upgrade. Sent exactly once.
     *
     * @throws NcpApiException {@code OUTCOME_UNKNOWN} when the answer was lost after sending,
     *                         {@code SERVICE_ERROR} when NCP refused, else as classified
     */
    public void rollingUpgrade(long serviceGroupInstanceNo, long upgradeKafkaVersionCode, long upgradeConfigGroupNo) {
        http.executeAction(CallKind.MUTATE, "CDSS rollingUpgrade", post("/cluster/rollingUpgrade",
                upgrade(serviceGroupInstanceNo, upgradeKafkaVersionCode, upgradeConfigGroupNo)));
    }

    /** Health while a rolling upgrade runs. @throws NcpApiException when the call fails after retries */
    public CdssClusterStatus rollingUpgradeProgressCheck(long serviceGroupInstanceNo) {
        return http.execute(CallKind.READ, "CDSS rollingUpgradeProgressCheck",
                post("/cluster/rollingUpgradeProgressCheck", instance(serviceGroupInstanceNo)), CLUSTER_STATUS);
    }

    /**
     * Restarts CMAK. A GET that changes state, so it is sent exactly once like any mutation.
     *
     * @throws NcpApiException {@code OUTCOME_UNKNOWN} when the answer was lost after sending, else as classified
     */
    public void restartCmakService(long serviceGroupInstanceNo) {
        http.executeAction(CallKind.MUTATE, "CDSS restartCMAKService",
                get("/cluster/restartCMAKService/" + serviceGroupInstanceNo));
    }

    private static ObjectNode instance(long serviceGroupInstanceNo) {
        return NcpJson.object().put("serviceGroupInstanceNo", serviceGroupInstanceNo);
    }

    private static ObjectNode upgrade(long no, long upgradeKafkaVersionCode, long upgradeConfigGroupNo) {
        return instance(no).put("upgradeKafkaVersionCode", upgradeKafkaVersionCode)
                .put("upgradeConfigGroupNo", upgradeConfigGroupNo);
    }

    private Request post(String path, ObjectNode body) {
        return new Request.Builder().url(baseUrl + path).post(NcpJson.body(body)).build();
    }

    private Request get(String path) {
        return new Request.Builder().url(baseUrl + path).get().build();
    }

    private static JavaType type(Class<?> type) {
        return NcpJson.MAPPER.constructType(type);
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Versions(List<KafkaVersion> kafkaVersionList) {
        Versions {
            // Jackson passes null when NCP leaves the list out; never null after this
            kafkaVersionList = kafkaVersionList == null ? List.of() : List.copyOf(kafkaVersionList);
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigGroupPage(@Nullable Integer currentPage,
            @com.fasterxml.jackson.annotation.JsonProperty("isLast") @Nullable Boolean isLast,
            @Nullable Integer totalPage, List<KafkaConfigGroup> kafkaConfigGroupList) {
        ConfigGroupPage {
            // Jackson passes null when NCP leaves the list out; never null after this
            kafkaConfigGroupList = kafkaConfigGroupList == null ? List.of() : List.copyOf(kafkaConfigGroupList);
        }
    }
}

package io.ncprollout.ncp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ncprollout.ncp.dto.ClusterNodeList;
import io.ncprollout.ncp.dto.ClusterPage;
import io.ncprollout.ncp.dto.PrecheckResult;
import io.ncprollout.ncp.dto.SearchEngineVersion;
import io.ncprollout.ncp.dto.SesClusterInfo;
import io.ncprollout.ncp.dto.SesClusterSummary;
import io.ncprollout.ncp.dto.SesUpgradeProgress;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Search Engine Service (managed OpenSearch) in one region: one method per endpoint of ncp-api.md §5.
 * SES takes every request field as a JSON string. The upgrade calls need the cluster's
 * {@code regionNo}, which {@link #getClusterNodeList} returns. Reads are retried on transient
 * failures; {@link #rollingUpgradeCluster} is sent exactly once. Obtain instances from
 * {@link NcpClients#ses(NcpRegion)}. Thread-safe.
 */
public final class SesClient {
    private static final JavaType CLUSTER_PAGE = NcpJson.MAPPER.getTypeFactory().constructParametricType(ClusterPage.class, SesClusterSummary.class);
    private static final JavaType CLUSTER_INFO = NcpJson.MAPPER.constructType(SesClusterInfo.class);
    private static final JavaType NODE_LIST = NcpJson.MAPPER.constructType(ClusterNodeList.class);
    private static final JavaType VERSIONS = NcpJson.MAPPER.constructType(Versions.class);
    private static final JavaType PROGRESS = NcpJson.MAPPER.constructType(SesUpgradeProgress.class);

    private final NcpHttp http;
    private final String baseUrl;

    SesClient(NcpHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /**
     * One page of clusters whose name contains {@code inputText} (all when null). The parameters travel
     * in the query string, which is part of the signed URI.
     *
     * @throws NcpApiException when the call fails after retries
     */
    public ClusterPage<SesClusterSummary> getClusterInfoList(@Nullable String inputText, int pageNo, int pageSize) {
        HttpUrl.Builder url = HttpUrl.get(baseUrl + "/cluster/getClusterInfoList").newBuilder()
                .addQueryParameter("pageNo", Integer.toString(pageNo))
                .addQueryParameter("pageSize", Integer.toString(pageSize));
        if (inputText != null) {
            url.addQueryParameter("inputText", inputText);
        }
        return http.execute(CallKind.READ, "SES getClusterInfoList", new Request.Builder().url(url.build()).get().build(),
                CLUSTER_PAGE);
    }

    /**
     * Every cluster the caller may manage, following all pages (at most 1000).
     *
     * @throws NcpApiException when any page fails after retries
     */
    public List<SesClusterSummary> listAllClusters() {
        return Paging.collectAll("SES getClusterInfoList", pageNo -> {
            ClusterPage<SesClusterSummary> page = getClusterInfoList(null, pageNo, Paging.PAGE_SIZE);
            return new Paging.Page<>(page.allowedClusters(), page.isLast(), page.currentPage(), page.totalPage());
        });
    }

    /** One cluster's details (status, version code, nodes). @throws NcpApiException when the call fails after retries */
    public SesClusterInfo getCluster(String serviceGroupInstanceNo) {
        return http.execute(CallKind.READ, "SES getClusterInfo", get("/cluster/getClusterInfo/" + serviceGroupInstanceNo),
                CLUSTER_INFO);
    }

    /** The cluster's servers and its {@code regionNo}. @throws NcpApiException when the call fails after retries */
    public ClusterNodeList getClusterNodeList(String serviceGroupInstanceNo) {
        return http.execute(CallKind.READ, "SES getClusterNodeList",
                get("/cluster/getClusterNodeList/" + serviceGroupInstanceNo), NODE_LIST);
    }

    /** Search engine versions SES offers. @throws NcpApiException when the call fails after retries */
    public List<SearchEngineVersion> getVersionList() {
        return http.<Versions>execute(CallKind.READ, "SES getSearchEngineVersionList",
                get("/cluster/getSearchEngineVersionList"), VERSIONS).searchEngineVersionList();
    }

    /**
     * Whether an upgrade to {@code targetVersionCode} may run now (NCP requires a recent snapshot);
     * NCP saying no is {@code passed == false}.
     *
     * @throws NcpApiException for gateway, network or malformed-response failures after retries
     */
    public PrecheckResult rollingUpgradePreCheck(String regionNo, String serviceGroupInstanceNo,
            String targetVersionCode) {
        return http.precheck("SES rollingUpgradePreCheck",
                post("/cluster/rollingUpgradePreCheck", upgrade(regionNo, serviceGroupInstanceNo, targetVersionCode)));
    }

    /**
     * Starts a rolling upgrade. Sent exactly once.
     *
     * @throws NcpApiException {@code OUTCOME_UNKNOWN} when the answer was lost after sending (read the
     *                         progress to find out), {@code SERVICE_ERROR} when NCP refused, else as classified
     */
    public void rollingUpgradeCluster(String regionNo, String serviceGroupInstanceNo, String targetVersionCode) {
        http.executeAction(CallKind.MUTATE, "SES rollingUpgradeCluster",
                post("/cluster/rollingUpgradeCluster", upgrade(regionNo, serviceGroupInstanceNo, targetVersionCode)));
    }

    /** Per-node progress of a rolling upgrade. @throws NcpApiException when the call fails after retries */
    public SesUpgradeProgress getRollingUpgradeProgress(String regionNo, String serviceGroupInstanceNo) {
        ObjectNode body = NcpJson.object().put("regionNo", regionNo).put("serviceGroupInstanceNo", serviceGroupInstanceNo);
        return http.execute(CallKind.READ, "SES getRollingUpgradeProgress", post("/cluster/getRollingUpgradeProgress", body),
                PROGRESS);
    }

    private static ObjectNode upgrade(String regionNo, String serviceGroupInstanceNo, String targetVersionCode) {
        return NcpJson.object().put("regionNo", regionNo).put("serviceGroupInstanceNo", serviceGroupInstanceNo)
                .put("targetVersionCode", targetVersionCode);
    }

    private Request post(String path, ObjectNode body) {
        return new Request.Builder().url(baseUrl + path).post(NcpJson.body(body)).build();
    }

    private Request get(String path) {
        return new Request.Builder().url(baseUrl + path).get().build();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Versions(List<SearchEngineVersion> searchEngineVersionList) {
        Versions {
            // Jackson passes null when NCP leaves the list out; never null after this
            searchEngineVersionList = searchEngineVersionList == null ? List.of() : List.copyOf(searchEngineVersionList);
        }
    }
}

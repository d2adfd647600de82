package io.ncprollout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ncprollout.NcpBackend;
import io.ncprollout.config.ConfigException;
import io.ncprollout.config.NcpConfig;
import io.ncprollout.ncp.CdssClient;
import io.ncprollout.ncp.NcpApiException;
import io.ncprollout.ncp.NcpRegion;
import io.ncprollout.ncp.SesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ncp-rollout-bot ncp …}: makes one read-only NCP call with the configured keys and prints the
 * JSON, so that an operator can check keys, clock and reachability before starting the bot.
 *
 * <p>Exit codes: 0 the call answered; 1 NCP or the network refused (the message says why and what to
 * do); 2 the command line or the configuration is wrong.
 */
public final class NcpCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NcpCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.print(NcpCommandLine.usage());
            return 0;
        }
        NcpQuery query;
        NcpConfig config;
        NcpRegion region;
        try {
            query = NcpCommandLine.parse(args);
            config = NcpConfig.fromEnv(env);
            region = NcpRegion.parse(query.region().orElse(config.region()));
        } catch (NcpCommandLine.UsageException | IllegalArgumentException e) {
            // the error and the one usage line that helps; the whole list only on 'ncp help'
            err.println("error: " + e.getMessage());
            err.print(NcpCommandLine.hint(args));
            return 2;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        try (NcpBackend backend = NcpBackend.open(config, clock)) {
            backend.simulator().ifPresent(sim -> err.println(
                    "NCP keys are not set: answering from the embedded simulator at " + sim.baseUrl() + " (nothing real is touched)"));
            Optional<NcpQuery> resolved = resolve(query, backend, region, err);
            if (resolved.isEmpty()) {
                return 1;
            }
            Object result = call(resolved.get(), backend, region);
            out.println(JSON.writeValueAsString(result));
            return 0;
        } catch (NcpApiException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("error: could not print the answer as JSON: " + e.getOriginalMessage());
            return 1;
        }
    }

    /**
     * The query with its {@code <cluster>} as a number: a name is looked up in the region's list, and a name or number
     * that is not there is looked for in the other regions, so the answer says where it is.
     *
     * @return empty after printing why, when the region has no such cluster
     */
    private static Optional<NcpQuery> resolve(NcpQuery q, NcpBackend backend, NcpRegion region, PrintStream err) {
        if (q.call().params().isEmpty() || !q.call().params().get(0).equals(NcpCommandLine.CLUSTER)) {
            return Optional.of(q);
        }
        String service = q.call().service();
        String typed = q.arg(0);
        Optional<ClusterLookup.Listed> here = ClusterLookup.find(listed(backend, region, service), typed);
        if (here.isPresent()) {
            List<String> args = new ArrayList<>(q.args());
            args.set(0, here.get().number());
            return Optional.of(new NcpQuery(q.call(), q.region(), args));
        }
        Map<NcpRegion, Optional<ClusterLookup.Listed>> elsewhere = new LinkedHashMap<>();
        for (NcpRegion other : NcpRegion.values()) {
            if (other != region) {
                try {
                    elsewhere.put(other, ClusterLookup.find(listed(backend, other, service), typed));
                } catch (NcpApiException e) {
                    // a region this account or site cannot read has nothing to tell
                }
            }
        }
        err.println("error: " + ClusterLookup.notFound(service, typed, region, elsewhere));
        return Optional.empty();
    }

    private static List<ClusterLookup.Listed> listed(NcpBackend backend, NcpRegion region, String service) {
        return service.equals("cdss")
                ? backend.clients().cdss(region).listAllClusters().stream().map(c -> new ClusterLookup.Listed(c.serviceGroupInstanceNo(), c.clusterName())).toList()
                : backend.clients().ses(region).listAllClusters().stream().map(c -> new ClusterLookup.Listed(c.serviceGroupInstanceNo(), c.clusterName())).toList();
    }

    private static Object call(NcpQuery q, NcpBackend backend, NcpRegion region) {
        CdssClient cdss = backend.clients().cdss(region);
        SesClient ses = backend.clients().ses(region);
        return switch (q.call()) {
            case CDSS_LIST -> cdss.listAllClusters();
            case CDSS_CLUSTER -> cdss.getCluster(number(q, 0));
            case CDSS_STATUS -> cdss.getClusterStatus(number(q, 0));
            case CDSS_NODES -> cdss.getClusterNodeList(number(q, 0));
            case CDSS_VERSIONS -> cdss.getVersionList();
            case CDSS_CONFIG_GROUPS -> cdss.getVersionConfigGroups(number(q, 0));
            case CDSS_RESTART_PRECHECK -> cdss.rollingRestartPreCheck(number(q, 0));
            case CDSS_RESTART_PROGRESS -> cdss.rollingRestartProgressCheck(number(q, 0));
            case CDSS_UPGRADE_PRECHECK -> cdss.rollingUpgradePreCheck(number(q, 0), number(q, 1), number(q, 2));
            case CDSS_UPGRADE_PROGRESS -> cdss.rollingUpgradeProgressCheck(number(q, 0));
            case SES_LIST -> ses.listAllClusters();
            case SES_CLUSTER -> ses.getCluster(q.arg(0));
            case SES_NODES -> ses.getClusterNodeList(q.arg(0));
            case SES_VERSIONS -> ses.getVersionList();
            case SES_UPGRADE_PRECHECK -> ses.rollingUpgradePreCheck(sesRegionNo(ses, q.arg(0)), q.arg(0), q.arg(1));
            case SES_UPGRADE_PROGRESS -> ses.getRollingUpgradeProgress(sesRegionNo(ses, q.arg(0)), q.arg(0));
        };
    }

    /** SES upgrade calls need the cluster's regionNo, documented only in getClusterNodeList (ncp-api.md §5.10). */
    private static String sesRegionNo(SesClient ses, String clusterNo) {
        return String.valueOf(ses.getClusterNodeList(clusterNo).regionNo());
    }

    private static long number(NcpQuery q, int index) {
        return Long.parseLong(q.arg(index));
    }
}

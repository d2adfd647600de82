package io.ncprollout.cli;

import java.util.List;
import java.util.Optional;

/**
 * The read-only NCP calls of the operator CLI. Mutating calls are left out on purpose: starting a
 * rollout belongs to the bot, which checks permissions, takes the cluster lock and writes the audit
 * trail; a side door around those would defeat them.
 */
enum NcpCall {
    CDSS_LIST("cdss", "list", List.of(), "every page of getClusterInfoList"),
    CDSS_CLUSTER("cdss", "cluster", List.of("<cluster>"), "getClusterInfoList/{clusterNo}"),
    CDSS_STATUS("cdss", "status", List.of("<cluster>"), "getClusterStatus"),
    CDSS_NODES("cdss", "nodes", List.of("<cluster>"), "getClusterNodeList"),
    CDSS_VERSIONS("cdss", "versions", List.of(), "getCDSSVersionList"),
    CDSS_CONFIG_GROUPS("cdss", "config-groups", List.of("<kafkaVersionCode>"), "getKafkaVersionConfigGroupList (every page)"),
    CDSS_RESTART_PRECHECK("cdss", "restart-precheck", List.of("<cluster>"), "rollingRestartPreCheck (changes nothing)"),
    CDSS_RESTART_PROGRESS("cdss", "restart-progress", List.of("<cluster>"), "rollingRestartProgressCheck"),
    CDSS_UPGRADE_PRECHECK("cdss", "upgrade-precheck", List.of("<cluster>", "<kafkaVersionCode>", "<configGroupNo>"),
            "rollingUpgradePreCheck (changes nothing)"),
    CDSS_UPGRADE_PROGRESS("cdss", "upgrade-progress", List.of("<cluster>"), "rollingUpgradeProgressCheck"),
    SES_LIST("ses", "list", List.of(), "every page of getClusterInfoList"),
    SES_CLUSTER("ses", "cluster", List.of("<cluster>"), "getClusterInfo"),
    SES_NODES("ses", "nodes", List.of("<cluster>"), "getClusterNodeList (shows regionNo)"),
    SES_VERSIONS("ses", "versions", List.of(), "getSearchEngineVersionList"),
    SES_UPGRADE_PRECHECK("ses", "upgrade-precheck", List.of("<cluster>", "<targetVersionCode>"),
            "rollingUpgradePreCheck, regionNo read from getClusterNodeList (changes nothing)"),
    SES_UPGRADE_PROGRESS("ses", "upgrade-progress", List.of("<cluster>"),
            "getRollingUpgradeProgress, regionNo read from getClusterNodeList");

    private final String service;
    private final String verb;
    private final List<String> params;
    private final String description;

    NcpCall(String service, String verb, List<String> params, String description) {
        this.service = service;
        this.verb = verb;
        this.params = params;
        this.description = description;
    }

    /** {@code cdss} or {@code ses}. */
    String service() {
        return service;
    }

    /** The call's word: {@code status}, {@code upgrade-precheck}. */
    String verb() {
        return verb;
    }

    static Optional<NcpCall> find(String service, String verb) {
        for (NcpCall call : values()) {
            if (call.service.equals(service) && call.verb.equals(verb)) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    List<String> params() {
        return params;
    }

    /** The call as the user types it, e.g. {@code cdss upgrade-precheck <clusterNo> <kafkaVersionCode> <configGroupNo>}. */
    String synopsis() {
        return (service + " " + verb + " " + String.join(" ", params)).trim();
    }

    String description() {
        return description;
    }
}

package io.ncprollout.doctor;

import io.ncprollout.NcpBackend;
import io.ncprollout.config.HealthSettings;
import io.ncprollout.config.NcpConfig;
import io.ncprollout.health.ConfiguredHealthGate;
import io.ncprollout.health.KafkaAdminProbe;
import io.ncprollout.health.OpenSearchHealthProbe;
import io.ncprollout.ncp.NcpOperationsGateway;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Globs;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.operation.OperationsApi;
import io.ncprollout.rollout.operation.OperationsException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health gates of the configuration file: for each rule, the clusters of the region it covers (at most
 * {@value #CLUSTERS_PER_RULE}) are checked as a start would check them. A gate that could not look (address, network,
 * credentials) FAILs: every start it covers would be refused; one that looked and found the data not ready WARNs.
 * Read-only, and no secret is printed: only the names of the variables that hold them.
 */
final class HealthGateCheck {
    static final String NAME = "health gate";
    static final int CLUSTERS_PER_RULE = 3;

    private HealthGateCheck() {
    }

    static List<CheckResult> run(HealthSettings health, NcpConfig ncp, Map<String, String> env, Clock clock) {
        if (health.isEmpty()) {
            return List.of(CheckResult.ok(NAME, "no health: section: only NCP's precheck guards a start"));
        }
        try (NcpBackend backend = NcpBackend.open(ncp, clock)) {
            OperationsApi api = new NcpOperationsGateway(backend.clients());
            ConfiguredHealthGate gate = new ConfiguredHealthGate(health, api, new KafkaAdminProbe(), new OpenSearchHealthProbe(),
                    name -> Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank()));
            String simulated = backend.simulator().isPresent() ? " (NCP simulated: auto addresses are the simulator's)" : "";
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < health.kafka().size(); i++) {
                HealthSettings.KafkaGate rule = health.kafka().get(i);
                results.add(rule(gate, api, Product.KAFKA, ncp.region(), "kafka[" + i + "]", rule.clusters(),
                        c -> gate.kafkaRule(c).filter(r -> r == rule).isPresent(), simulated));
            }
            for (int i = 0; i < health.opensearch().size(); i++) {
                HealthSettings.SearchGate rule = health.opensearch().get(i);
                results.add(rule(gate, api, Product.OPENSEARCH, ncp.region(), "opensearch[" + i + "]", rule.clusters(),
                        c -> gate.searchRule(c).filter(r -> r == rule).isPresent(), simulated));
            }
            return results;
        }
    }

    /** {@code governs}: the rule is the first that matches the cluster, so its check is this rule's. */
    private static CheckResult rule(ConfiguredHealthGate gate, OperationsApi api, Product product, String region, String rule, List<String> globs,
            java.util.function.Predicate<io.ncprollout.rollout.cluster.ClusterRef> governs, String simulated) {
        String name = NAME + " " + rule;
        List<ClusterSummary> covered;
        try {
            covered = api.listClusters(product, region).stream().filter(c -> Globs.matchesAny(globs, c.cluster().name()))
                    .filter(c -> governs.test(c.cluster())).toList();
        } catch (OperationsException e) {
            return CheckResult.fail(name, "cannot list the " + product.displayName() + " clusters of " + region + ": " + e.getMessage(),
                    "fix the NCP row first");
        }
        if (covered.isEmpty()) {
            return CheckResult.warn(name, "no " + product.displayName() + " cluster of " + region + " matches " + globs
                    + " (that an earlier rule does not take)" + simulated, "check the globs (cluster names), the rules' order, or the region (NCP_REGION)");
        }
        List<String> said = new ArrayList<>();
        boolean unreachable = false;
        boolean notReady = false;
        boolean blind = false;
        for (ClusterSummary c : covered.stream().limit(CLUSTERS_PER_RULE).toList()) {
            GateReport report = gate.check(c.cluster());
            unreachable |= report.verdict() == GateReport.Verdict.UNREACHABLE;
            notReady |= report.verdict() == GateReport.Verdict.FAILED;
            // a Kafka user without Describe on the topics sees none, and so nothing wrong
            boolean seesNothing = product == Product.KAFKA && report.verdict() == GateReport.Verdict.PASSED
                    && (report.figure("partitions").equals(Optional.of("0")) || !report.figure("minIsrUnknown").orElse("0").equals("0"));
            blind |= seesNothing;
            said.add(c.cluster().name() + ": " + switch (report.verdict()) {
                case PASSED -> seesNothing ? "passed, but " + (report.figure("partitions").equals(Optional.of("0")) ? "no partition seen"
                        : report.figure("minIsrUnknown").orElse("?") + " partitions' min.insync.replicas unreadable") : "passed";
                case FAILED -> "reachable, data not ready (" + report.findings() + " findings: " + report.subjects() + ")";
                case UNREACHABLE -> "cannot look: " + report.error();
                case OFF -> "no gate (another rule comes first?)";
            });
        }
        if (covered.size() > CLUSTERS_PER_RULE) {
            said.add("and " + (covered.size() - CLUSTERS_PER_RULE) + " more not checked");
        }
        String detail = String.join("; ", said) + simulated;
        if (unreachable) {
            return CheckResult.fail(name, detail, product == Product.KAFKA
                    ? "check bootstrap (or getBrokerInfo's listeners), that the bot's host may reach them (ACG, ports 9092/9093), and the SASL variables"
                    : "check endpoint (or the nodes' addresses), that the bot's host may reach port 9200 (ACG), the CA file and the user variables");
        }
        if (notReady) {
            return CheckResult.warn(name, detail, "the gate works; starts stay refused until the data is ready (or an admin starts anyway)");
        }
        return blind ? CheckResult.warn(name, detail, "if the cluster has topics, give the gate's user Describe and DescribeConfigs on them")
                : CheckResult.ok(name, detail);
    }
}

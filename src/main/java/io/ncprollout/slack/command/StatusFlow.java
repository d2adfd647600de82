package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.cluster.UnknownClusterException;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.VersionNames;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.Refusals;
import io.ncprollout.slack.render.SlackMessage;
import io.ncprollout.slack.render.StatusMessages;
import io.ncprollout.slack.render.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** After the ack of {@code /kafka status}: read the cluster's nodes and answer with an ephemeral table. Read-only. */
public final class StatusFlow {
    private final RolloutService service;
    private final Gatekeeper gatekeeper;
    private final boolean simulated;
    private final SlackUserLocales locales;
    private final VersionNames names;

    /** @param names the version names learnt from NCP's version lists, so the status names the version, not its code */
    public StatusFlow(RolloutService service, Gatekeeper gatekeeper, boolean simulated, SlackUserLocales locales, VersionNames names) {
        this.service = service;
        this.gatekeeper = gatekeeper;
        this.simulated = simulated;
        this.locales = locales;
        this.names = names;
    }

    /** Reads the cluster's version list once when the current version's name is not known yet (learnt on the way). */
    private void learnName(ClusterRef cluster, Observation current) {
        if (current.versionCode().isPresent() && names.nameOf(current.versionCode().get()).isEmpty()) {
            try {
                service.upgradeOptions(cluster);
            } catch (OperationsException e) {
                // the status still shows the version's code
            }
        }
    }

    /** The Kafka nodes with the CMAK node of {@code cmak} after them. */
    static Observation withCmak(Observation kafka, Observation cmak) {
        List<NodeObservation> nodes = new ArrayList<>(kafka.nodes());
        cmak.nodes().stream().filter(n -> n.role() == NodeRole.CMAK).forEach(nodes::add);
        return new Observation(kafka.clusterStatus(), kafka.clusterPhase(), nodes, kafka.membersComplete(), kafka.versionCode());
    }

    void show(SlashCommandContext ctx, Invocation call) {
        Locale locale = locales.of(call.userId());
        if (Denials.told(ctx, call, gatekeeper.mayRead(call.userId(), call.channelId()), locale)) {
            return;
        }
        try {
            ClusterRef cluster = service.resolve(call.line().product(), call.cluster(), call.region());
            Observation current = service.inspect(call.line().product() == Product.KAFKA ? OperationKind.KAFKA_RESTART : OperationKind.OPENSEARCH_UPGRADE, cluster);
            if (call.line().product() == Product.KAFKA) {
                // brokers, ZooKeeper and CMAK, as help says: CMAK's status comes with its own read
                current = withCmak(current, service.inspect(OperationKind.CMAK_RESTART, cluster));
            }
            learnName(cluster, current);
            SlackMessage status = StatusMessages.status(cluster, current, service.gate(cluster), simulated, names, locale);
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), status);
        } catch (UnknownClusterException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":mag: " + Refusals.unknownCluster(e, locale));
        } catch (OperationsException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + Texts.of(locale).t("flow.statusNotRead", call.cluster(), e.getMessage()));
        }
    }
}

package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import io.ncprollout.rollout.ClusterSummary;
import io.ncprollout.rollout.OperationsException;
import io.ncprollout.rollout.AccessPolicy;
import io.ncprollout.rollout.Gatekeeper;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.render.ListMessages;
import java.util.List;

/** After the ack of {@code /kafka list} or {@code /opensearch list}: every page of clusters, as an ephemeral table. */
public final class ListFlow {
    private final RolloutService service;
    private final Gatekeeper gatekeeper;
    private final boolean simulated;

    public ListFlow(RolloutService service, Gatekeeper gatekeeper, boolean simulated) {
        this.service = service;
        this.gatekeeper = gatekeeper;
        this.simulated = simulated;
    }

    void show(SlashCommandContext ctx, Invocation call) {
        AccessPolicy.Decision allowed = gatekeeper.mayRead(call.userId());
        if (!allowed.allowed()) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":no_entry: " + allowed.reason());
            return;
        }
        try {
            List<ClusterSummary> clusters = service.list(call.line().service(), call.region());
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ListMessages.clusters(call.line().service(), call.region(), clusters, simulated));
        } catch (OperationsException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: Could not list the clusters in " + call.region() + ": " + e.getMessage());
        }
    }
}

package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.ListMessages;
import io.ncprollout.slack.render.Texts;
import java.util.List;
import java.util.Locale;

/** After the ack of {@code /kafka list} or {@code /opensearch list}: every page of clusters, as an ephemeral table. */
public final class ListFlow {
    private final RolloutService service;
    private final Gatekeeper gatekeeper;
    private final boolean simulated;
    private final SlackUserLocales locales;

    public ListFlow(RolloutService service, Gatekeeper gatekeeper, boolean simulated, SlackUserLocales locales) {
        this.service = service;
        this.gatekeeper = gatekeeper;
        this.simulated = simulated;
        this.locales = locales;
    }

    void show(SlashCommandContext ctx, Invocation call) {
        Locale locale = locales.of(call.userId());
        if (Denials.told(ctx, call, gatekeeper.mayRead(call.userId(), call.channelId()), locale)) {
            return;
        }
        try {
            List<ClusterSummary> clusters = service.list(call.line().product(), call.region());
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ListMessages.clusters(call.line().product(), call.region(), clusters, simulated, locale));
        } catch (OperationsException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + Texts.of(locale).t("flow.listNotRead", call.region(), e.getMessage()));
        }
    }
}

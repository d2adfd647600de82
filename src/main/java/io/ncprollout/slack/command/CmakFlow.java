package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.UnknownClusterException;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.CmakMessages;
import io.ncprollout.slack.render.Refusals;
import io.ncprollout.slack.render.Texts;
import java.util.Locale;
import java.util.Optional;

/**
 * After the ack of {@code /kafka restart-cmak}: find the cluster and offer, ephemerally, a button with a Slack
 * confirm dialog. The restart itself starts only when the button is pressed ({@code CmakRestartActionHandler}).
 */
public final class CmakFlow {
    private final RolloutService service;
    private final Gatekeeper gatekeeper;
    private final boolean simulated;
    private final SlackUserLocales locales;

    public CmakFlow(RolloutService service, Gatekeeper gatekeeper, boolean simulated, SlackUserLocales locales) {
        this.service = service;
        this.gatekeeper = gatekeeper;
        this.simulated = simulated;
        this.locales = locales;
    }

    void offer(SlashCommandContext ctx, Invocation call) {
        Locale locale = locales.of(call.userId());
        try {
            ClusterRef cluster = service.resolve(call.line().product(), call.cluster(), call.region());
            AccessPolicy.Decision allowed = gatekeeper.mayStart(call.userId(), OperationKind.CMAK_RESTART, cluster, call.channelId());
            if (!allowed.allowed()) {
                SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":no_entry: " + Refusals.of(allowed.reason(), locale));
                return;
            }
            Optional<TrackedRollout> running = service.active().stream()
                    .filter(r -> r.rollout().request().cluster().isSameCluster(cluster)).findFirst();
            if (running.isPresent()) {
                // no CMAK button while an operation runs on the cluster: the start would be refused as busy anyway
                SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":hourglass: " + CmakMessages.busy(running.get().rollout(), locale));
                return;
            }
            Observation current = service.inspect(OperationKind.CMAK_RESTART, cluster);
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), CmakMessages.confirm(cluster, current, simulated, locale));
        } catch (UnknownClusterException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":mag: " + Refusals.unknownCluster(e, locale));
        } catch (OperationsException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + Texts.of(locale).t("flow.clusterNotRead", call.cluster(), e.getMessage()));
        }
    }
}

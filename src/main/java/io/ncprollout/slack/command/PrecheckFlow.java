package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.AccessPolicy;
import io.ncprollout.rollout.ClusterRef;
import io.ncprollout.rollout.Gatekeeper;
import io.ncprollout.rollout.OperationKind;
import io.ncprollout.rollout.OperationTarget;
import io.ncprollout.rollout.OperationsException;
import io.ncprollout.rollout.PrecheckReport;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.UnknownClusterException;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.view.ModalMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the ack of {@code /kafka restart}: open the "running precheck" modal with the trigger at once, then
 * find the cluster, read its nodes and run NCP's precheck, and update the modal with the result. Runs on our
 * executor; every failure ends in a modal or ephemeral message that says what to do.
 */
public final class PrecheckFlow {
    private static final Logger log = LoggerFactory.getLogger(PrecheckFlow.class);

    private final RolloutService service;
    private final ConfirmationViews views;
    private final Gatekeeper gatekeeper;

    public PrecheckFlow(RolloutService service, ConfirmationViews views, Gatekeeper gatekeeper) {
        this.service = service;
        this.views = views;
        this.gatekeeper = gatekeeper;
    }

    void open(SlashCommandContext ctx, Invocation call) {
        MethodsClient client = ctx.client();
        OperationKind kind = OperationKind.KAFKA_RESTART;
        ViewsOpenResponse opened = SlackCallGuard.viewsOpen(client, call.triggerId(), views.loading(call.cluster(), kind));
        if (opened == null) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: I couldn't open the confirmation form (Slack refused it). Please run the command again.");
            return;
        }
        String viewId = opened.getView().getId();
        String hash = opened.getView().getHash();
        View next;
        try {
            ClusterRef cluster = service.resolve(call.line().service(), call.cluster(), call.region());
            AccessPolicy.Decision allowed = gatekeeper.mayStart(call.userId(), kind, cluster, call.channelId());
            if (!allowed.allowed()) {
                SlackCallGuard.viewsUpdate(client, viewId, hash, views.failed("Not allowed", allowed.reason()));
                return;
            }
            OperationTarget target = OperationTarget.of(kind, cluster);
            PrecheckReport report = service.precheck(target);
            String metadata = ModalMetadata.of(target, call.channelId(), call.responseUrl()).encode();
            next = views.confirm(target, report.current(), report.precheck(), metadata);
        } catch (UnknownClusterException e) {
            next = views.failed("Unknown cluster", e.getMessage());
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":mag: " + e.getMessage());
        } catch (OperationsException e) {
            log.warn("precheck of {} failed: {} {}", call.cluster(), e.reason(), e.getMessage());
            next = views.failed("Precheck not run", e.getMessage());
        }
        SlackCallGuard.viewsUpdate(client, viewId, hash, next);
    }
}

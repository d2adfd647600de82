package io.ncprollout.slack.action;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.ApprovalService;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.CmakMessages;
import io.ncprollout.slack.render.StartOutcomeMessages;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The "Restart CMAK" button, pressed after Slack's confirm dialog: starts the CMAK restart for the verified user
 * who pressed it and replaces the offer with the outcome. The button's value only names the cluster.
 */
public final class CmakRestartActionHandler implements BlockActionHandler {
    static final String REASON = "CMAK restart confirmed in Slack";

    private final Executor work;
    private final ApprovalService service;
    private final SlackUserLocales locales;

    public CmakRestartActionHandler(Executor work, ApprovalService service, SlackUserLocales locales) {
        this.work = work;
        this.service = service;
        this.locales = locales;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        Optional<ClusterRef> cluster = CmakMessages.parseButtonValue(FirstAction.value(payload).orElse("")).filter(c -> c.product() == Product.KAFKA);
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        if (cluster.isEmpty() || channel == null || payload.getUser() == null) {
            return ctx.ack();
        }
        String user = payload.getUser().getId();
        String responseUrl = payload.getResponseUrl();
        work.execute(() -> {
            StartOutcome outcome = service.submit(new RolloutRequest(OperationTarget.of(OperationKind.CMAK_RESTART, cluster.get()), user, REASON), channel);
            SlackCallGuard.replaceOriginal(ctx.getSlack(), responseUrl, (outcome.started() ? ":arrows_counterclockwise: " : ":no_entry: ")
                    + StartOutcomeMessages.message(outcome, locales.of(user)));
        });
        return ctx.ack();
    }
}

package io.ncprollout.slack.action;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.ApprovalService;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.Refusals;
import io.ncprollout.slack.render.StartOutcomeMessages;
import io.ncprollout.slack.render.Texts;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Approve and Reject on a two-person-rule request. The decider is the verified user of the click; the service
 * refuses self-approval, non-approvers and stale requests. The clicker gets the answer ephemerally.
 */
public final class ApprovalActionHandler implements BlockActionHandler {
    private final Executor work;
    private final ApprovalService approvals;
    private final SlackUserLocales locales;

    public ApprovalActionHandler(Executor work, ApprovalService approvals, SlackUserLocales locales) {
        this.work = work;
        this.approvals = approvals;
        this.locales = locales;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        Optional<BlockActionPayload.Action> clicked = FirstAction.of(payload);
        if (clicked.isEmpty() || clicked.get().getValue() == null || payload.getUser() == null) {
            return ctx.ack();
        }
        String id = clicked.get().getValue();
        String user = payload.getUser().getId();
        boolean approve = SlackIds.ActionIds.APPROVE.equals(clicked.get().getActionId());
        String responseUrl = payload.getResponseUrl();
        work.execute(() -> {
            String answer;
            if (approve) {
                StartOutcome outcome = approvals.approve(id, user);
                answer = (outcome.started() ? ":white_check_mark: " : ":no_entry: ") + StartOutcomeMessages.message(outcome, locales.of(user));
            } else {
                Locale locale = locales.of(user);
                answer = approvals.reject(id, user).map(refusal -> Refusals.of(refusal, locale)).orElseGet(() -> Texts.of(locale).t("reject.done"));
            }
            SlackCallGuard.respond(ctx.getSlack(), responseUrl, answer);
        });
        return ctx.ack();
    }
}

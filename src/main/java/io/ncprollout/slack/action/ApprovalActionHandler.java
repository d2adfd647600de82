package io.ncprollout.slack.action;

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
        Optional<FirstAction.Click> clicked = FirstAction.click(req.getPayload());
        if (clicked.isEmpty()) {
            return ctx.ack();
        }
        String id = clicked.get().value();
        String user = clicked.get().user();
        boolean approve = SlackIds.ActionIds.APPROVE.equals(clicked.get().actionId());
        String responseUrl = clicked.get().responseUrl();
        work.execute(() -> {
            String answer;
            if (approve) {
                StartOutcome outcome = approvals.approve(id, user);
                String emoji = outcome.started() ? ":white_check_mark: " : outcome.result() == StartOutcome.Result.SCHEDULED ? ":calendar: " : ":no_entry: ";
                answer = emoji + StartOutcomeMessages.message(outcome, locales.of(user));
            } else {
                Locale locale = locales.of(user);
                answer = approvals.reject(id, user).map(refusal -> Refusals.of(refusal, locale)).orElseGet(() -> Texts.of(locale).t("reject.done"));
            }
            if (responseUrl != null) { // a payload without one (forged, or an older client) gets the decision without the answer
                SlackCallGuard.respond(ctx.getSlack(), responseUrl, answer);
            }
        });
        return ctx.ack();
    }
}

package io.ncprollout.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.ScheduleService;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.Refusals;
import io.ncprollout.slack.render.Texts;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancel on a scheduled run's reminder (Slack's confirm dialog came first). Acks at once; on our executor the run is
 * cancelled as the verified user of the click (its requester or an admin, while it waits), and the notifier then edits
 * the reminder and tells the channel. Anyone else, or a run that already started or ended, gets an ephemeral answer
 * that says why, in their language; the run is untouched.
 */
public final class ScheduleButtonsHandler implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(ScheduleButtonsHandler.class);

    private final Executor work;
    private final ScheduleService schedules;
    private final SlackUserLocales locales;

    public ScheduleButtonsHandler(Executor work, ScheduleService schedules, SlackUserLocales locales) {
        this.work = work;
        this.schedules = schedules;
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
        String responseUrl = clicked.get().responseUrl();
        try {
            work.execute(() -> cancel(ctx, id, user, responseUrl));
        } catch (RejectedExecutionException e) {
            // shutting down: nothing changed; the presser is told (rare, so answered from here) and may press again
            answer(ctx, responseUrl, ":warning: " + Texts.of(locales.ifKnown(user)).t("flow.shuttingDown"));
        }
        return ctx.ack();
    }

    private void cancel(ActionContext ctx, String id, String user, @Nullable String responseUrl) {
        Optional<Refusal> refused;
        try {
            refused = schedules.cancel(id, user).refusal();
        } catch (RuntimeException e) { // the store cannot be reached: nothing changed, and the presser is told
            log.warn("scheduled run {}: the cancel by {} failed: {}", id, user, e.toString());
            answer(ctx, responseUrl, ":x: " + Texts.of(locales.of(user)).t("schedule.cancel.failed"));
            return;
        }
        refused.ifPresent(why -> answer(ctx, responseUrl, ":no_entry: " + Refusals.of(why, locales.of(user))));
    }

    private static void answer(ActionContext ctx, @Nullable String responseUrl, String text) {
        if (responseUrl != null) { // a payload without one (forged, or an older client) gets no answer
            SlackCallGuard.respond(ctx.getSlack(), responseUrl, text);
        }
    }
}

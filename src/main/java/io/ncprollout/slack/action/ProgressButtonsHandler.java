package io.ncprollout.slack.action;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.OperationsException;
import io.ncprollout.rollout.RolloutPoller;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.TrackedRollout;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.slack.render.StatusMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The buttons on a progress reply. "Refresh now" polls the rollout at once (at most once per 10 s per rollout);
 * "Cluster status" answers the presser, ephemerally, with the cluster's nodes now. Both ack at once and work on
 * our executor; the button's value is only the rollout id, looked up in the store.
 */
public final class ProgressButtonsHandler implements BlockActionHandler {
    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(10);

    private final Executor work;
    private final RolloutService service;
    private final RolloutPoller poller;
    private final Clock clock;
    private final boolean simulated;
    private final RefreshLimiter limiter = new RefreshLimiter(REFRESH_INTERVAL);

    public ProgressButtonsHandler(Executor work, RolloutService service, RolloutPoller poller, Clock clock, boolean simulated) {
        this.work = work;
        this.service = service;
        this.poller = poller;
        this.clock = clock;
        this.simulated = simulated;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getActions().get(0).getValue() == null) {
            return ctx.ack();
        }
        String action = payload.getActions().get(0).getActionId();
        String id = payload.getActions().get(0).getValue();
        String responseUrl = payload.getResponseUrl();
        if (SlackIds.ActionIds.REFRESH_NOW.equals(action)) {
            if (!limiter.tryAcquire(id, clock.instant())) {
                work.execute(() -> SlackCallGuard.respond(ctx.getSlack(), responseUrl,
                        ":hourglass: Refreshed less than " + REFRESH_INTERVAL.toSeconds() + " s ago; the thread updates by itself too."));
            } else {
                work.execute(() -> {
                    if (!poller.pollNow(id)) {
                        SlackCallGuard.respond(ctx.getSlack(), responseUrl, "That operation has finished; the thread has its final state.");
                    }
                });
            }
        } else {
            work.execute(() -> showStatus(ctx, id, responseUrl));
        }
        return ctx.ack();
    }

    private void showStatus(ActionContext ctx, String id, String responseUrl) {
        Optional<TrackedRollout> rollout = service.activeRollout(id)
                .or(() -> service.recent(100).stream().filter(t -> t.id().equals(id)).findFirst());
        if (rollout.isEmpty()) {
            SlackCallGuard.respond(ctx.getSlack(), responseUrl, "I don't know that operation any more.");
            return;
        }
        var request = rollout.get().rollout().request();
        try {
            var current = service.inspect(request.kind(), request.cluster());
            SlackCallGuard.respond(ctx.getSlack(), responseUrl, StatusMessages.status(request.cluster(), current, simulated));
        } catch (OperationsException e) {
            SlackCallGuard.respond(ctx.getSlack(), responseUrl, ":x: Could not read the status of " + request.cluster().name() + ": " + e.getMessage());
        }
    }
}

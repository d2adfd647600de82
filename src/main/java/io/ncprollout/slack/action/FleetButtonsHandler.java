package io.ncprollout.slack.action;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.FleetService;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.Texts;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Pause, Resume and Stop on a fleet's message (the requester or an admin), and Approve and Reject while it waits for
 * its approval (an approver of every rule that covers its clusters, never the requester; the requester may reject, to
 * withdraw it). Acks at once; the change is stored on our
 * executor (the button's value is only the fleet's id), then {@code afterChange} moves the fleet so that its message
 * shows it. Anyone else, or a fleet that already ended, gets an ephemeral answer that says why.
 */
public final class FleetButtonsHandler implements BlockActionHandler {
    private final Executor work;
    private final FleetService fleets;
    private final SlackUserLocales locales;
    private final Runnable afterChange;

    public FleetButtonsHandler(Executor work, FleetService fleets, SlackUserLocales locales, Runnable afterChange) {
        this.work = work;
        this.fleets = fleets;
        this.locales = locales;
        this.afterChange = afterChange;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        Optional<FirstAction.Click> clicked = FirstAction.click(req.getPayload());
        if (clicked.isEmpty()) {
            return ctx.ack();
        }
        String action = clicked.get().actionId();
        String id = clicked.get().value();
        String user = clicked.get().user();
        String responseUrl = clicked.get().responseUrl();
        try {
            work.execute(() -> press(ctx, action, id, user, responseUrl));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: nothing changed; the presser is told (rare, so answered from here) and may press again
            if (responseUrl != null) {
                SlackCallGuard.respond(ctx.getSlack(), responseUrl, ":warning: " + Texts.of(locales.ifKnown(user)).t("flow.shuttingDown"));
            }
        }
        return ctx.ack();
    }

    private void press(ActionContext ctx, String action, String id, String user, @org.jspecify.annotations.Nullable String responseUrl) {
        FleetService.Control done;
        try {
            done = switch (action) {
                case SlackIds.ActionIds.FLEET_PAUSE -> fleets.pause(id, user);
                case SlackIds.ActionIds.FLEET_RESUME -> fleets.resume(id, user);
                case SlackIds.ActionIds.FLEET_APPROVE -> fleets.approve(id, user);
                case SlackIds.ActionIds.FLEET_REJECT -> fleets.reject(id, user);
                default -> fleets.stop(id, user);
            };
        } catch (RuntimeException e) { // the store cannot be reached: nothing changed, and the presser is told
            done = FleetService.Control.STORE_UNAVAILABLE;
        }
        Locale locale = locales.of(user);
        if (done == FleetService.Control.DONE) {
            afterChange.run();
        } else if (responseUrl != null) {
            SlackCallGuard.respond(ctx.getSlack(), responseUrl, ":no_entry: " + Texts.of(locale).t("fleet.control." + done.name()));
        }
    }
}

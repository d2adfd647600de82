package io.ncprollout.slack.action;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.RolloutPoller;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.Refusals;
import io.ncprollout.slack.render.StatusMessages;
import io.ncprollout.slack.render.Texts;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The buttons on a progress reply. "Refresh now" polls the rollout at once (at most once per 10 s per rollout);
 * "Cluster status" answers the presser, ephemerally, with the cluster's nodes now. Both ack at once and work on
 * our executor; the button's value is only the rollout id, looked up in the store. Both are reads: the presser must
 * be allowed to read the operation's channel (the read rule), as for {@code /kafka status}.
 */
public final class ProgressButtonsHandler implements BlockActionHandler {
    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(10);

    private final Executor work;
    private final RolloutService service;
    private final RolloutPoller poller;
    private final Gatekeeper gatekeeper;
    private final Clock clock;
    private final boolean simulated;
    private final SlackUserLocales locales;
    private final RefreshLimiter limiter = new RefreshLimiter(REFRESH_INTERVAL);

    /** @param simulated true when the embedded simulator serves; @param locales the presser's language, for the answers */
    public ProgressButtonsHandler(Executor work, RolloutService service, RolloutPoller poller, Gatekeeper gatekeeper, Clock clock,
            boolean simulated, SlackUserLocales locales) {
        this.work = work;
        this.service = service;
        this.poller = poller;
        this.gatekeeper = gatekeeper;
        this.clock = clock;
        this.simulated = simulated;
        this.locales = locales;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        Optional<BlockActionPayload.Action> clicked = FirstAction.of(payload);
        if (clicked.isEmpty() || clicked.get().getValue() == null) {
            return ctx.ack();
        }
        String action = clicked.get().getActionId();
        String id = clicked.get().getValue();
        String responseUrl = payload.getResponseUrl();
        String user = payload.getUser() == null ? "" : payload.getUser().getId();
        work.execute(() -> {
            Optional<String> refusal = refusal(id, user);
            if (refusal.isPresent()) {
                SlackCallGuard.respond(ctx.getSlack(), responseUrl, ":no_entry: " + refusal.get());
            } else {
                act(ctx, action, id, responseUrl, user);
            }
        });
        return ctx.ack();
    }

    /** Why {@code user} may not read operation {@code id}: the read rule for its channel; empty when they may. */
    private Optional<String> refusal(String id, String user) {
        Optional<TrackedRollout> rollout = find(id);
        if (rollout.isEmpty()) {
            return Optional.empty(); // answered as unknown or finished below, which shows nothing of a cluster
        }
        AccessPolicy.Decision allowed = gatekeeper.mayRead(user, rollout.get().thread().channel());
        return allowed.allowed() ? Optional.empty() : Optional.of(Refusals.of(allowed.reason(), locales.of(user)));
    }

    private Optional<TrackedRollout> find(String id) {
        return service.activeRollout(id).or(() -> service.recent(100).stream().filter(t -> t.id().equals(id)).findFirst());
    }

    private void act(ActionContext ctx, String action, String id, String responseUrl, String user) {
        if (SlackIds.ActionIds.REFRESH_NOW.equals(action)) {
            if (!limiter.tryAcquire(id, clock.instant())) {
                SlackCallGuard.respond(ctx.getSlack(), responseUrl,
                        ":hourglass: " + Texts.of(locales.of(user)).t("flow.refreshedRecently", REFRESH_INTERVAL.toSeconds()));
            } else if (!poller.pollNow(id)) {
                SlackCallGuard.respond(ctx.getSlack(), responseUrl, Texts.of(locales.of(user)).t("flow.finished"));
            }
        } else {
            showStatus(ctx, id, responseUrl, locales.of(user));
        }
    }

    private void showStatus(ActionContext ctx, String id, String responseUrl, Locale locale) {
        Optional<TrackedRollout> rollout = find(id);
        if (rollout.isEmpty()) {
            SlackCallGuard.respond(ctx.getSlack(), responseUrl, Texts.of(locale).t("flow.unknownOperation"));
            return;
        }
        var request = rollout.get().rollout().request();
        try {
            var current = service.inspect(request.kind(), request.cluster());
            SlackCallGuard.respond(ctx.getSlack(), responseUrl, StatusMessages.status(request.cluster(), current, simulated, locale));
        } catch (OperationsException e) {
            SlackCallGuard.respond(ctx.getSlack(), responseUrl, ":x: " + Texts.of(locale).t("flow.statusOfNotRead", request.cluster().name(), e.getMessage()));
        }
    }
}

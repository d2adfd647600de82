package io.ncprollout.slack.view;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.FleetAnnounced;
import io.ncprollout.rollout.FleetRunner;
import io.ncprollout.rollout.FleetService;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetSpec;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import io.ncprollout.slack.FleetMetadata;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.FleetMessages;
import io.ncprollout.slack.render.SlackText;
import io.ncprollout.slack.render.Texts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Submission of a fleet's plan modal: the typed number must be the number of clusters that will run and a reason
 * must be given, or the modal shows field errors. Otherwise the fleet is stored before the modal says so (its id is
 * the form's, so the same form submitted twice launches one fleet), and {@code afterLaunch} moves it at once: its
 * message is posted and its first wave started. Every cluster is checked again when its turn comes (permission,
 * freeze, precheck).
 */
public final class FleetSubmissionHandler implements ViewSubmissionHandler {
    private final Executor work;
    private final FleetService fleets;
    private final ConfirmationViews views;
    private final SlackUserLocales locales;
    private final FleetRunner runner;

    public FleetSubmissionHandler(Executor work, FleetService fleets, ConfirmationViews views, SlackUserLocales locales, FleetRunner runner) {
        this.work = work;
        this.fleets = fleets;
        this.views = views;
        this.locales = locales;
        this.runner = runner;
    }

    @Override
    public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        View view = req.getPayload().getView();
        String userId = req.getPayload().getUser().getId();
        Locale known = locales.ifKnown(userId);
        Texts t = Texts.of(known);
        Optional<FleetMetadata> decoded = FleetMetadata.decode(view.getPrivateMetadata() == null ? "" : view.getPrivateMetadata());
        if (decoded.isEmpty()) {
            return ctx.ackWithUpdate(views.failed(t.t("title.formOutOfDate"), t.t("flow.formOutOfDate"), ConfirmationViews.Why.RERUN, known));
        }
        FleetMetadata meta = decoded.get();
        String typed = ConfirmSubmissionHandler.value(view, SlackIds.BlockIds.CONFIRM_NAME, SlackIds.ActionIds.CONFIRM_NAME_INPUT).trim();
        String reason = ConfirmSubmissionHandler.value(view, SlackIds.BlockIds.REASON, SlackIds.ActionIds.REASON_INPUT).trim();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!typed.equals(String.valueOf(meta.toRun()))) {
            errors.put(SlackIds.BlockIds.CONFIRM_NAME, FleetMessages.countError(meta.toRun(), known));
        }
        if (reason.isEmpty()) {
            errors.put(SlackIds.BlockIds.REASON, ConfirmationViews.reasonError(false, known));
        } else if (reason.length() > ConfirmSubmissionHandler.MAX_REASON) {
            errors.put(SlackIds.BlockIds.REASON, ConfirmationViews.reasonError(true, known));
        }
        if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
        }
        FleetSpec spec = new FleetSpec(meta.kind(), meta.version(), meta.region(), meta.pattern(), userId, Optional.empty(), reason, meta.channel(),
                meta.waveSize(), meta.pause()).startingAt(meta.when().map(io.ncprollout.slack.render.ScheduleNote::when));
        String id = "fleet-" + (view.getId() == null ? java.util.UUID.randomUUID().toString() : view.getId());
        Optional<Fleet> launched;
        try {
            launched = fleets.launch(id, spec, meta.members());
        } catch (StoreUnavailableException e) {
            return ctx.ackWithUpdate(views.failed(t.t("title.notStarted"), t.t("flow.storeUnavailable"), ConfirmationViews.Why.TRANSIENT, known));
        }
        if (launched.isEmpty()) {
            return ctx.ackWithUpdate(views.outcome(t.t("fleet.launched.title"), ConfirmationViews.Outcome.STARTED, t.t("fleet.launched.again"), known));
        }
        String viewId = view.getId();
        String pattern = "*" + SlackText.escape(meta.pattern()) + "*";
        try {
            work.execute(() -> announce(ctx, viewId, id, meta, pattern, userId));
        } catch (RejectedExecutionException e) {
            // shutting down: the next process finds the fleet without its message, ends it and tells the requester
            fleets.abandonLaunch(id);
            return ctx.ackWithUpdate(views.failed(t.t("title.notStarted"), t.t("flow.shuttingDown"), ConfirmationViews.Why.TRANSIENT, known));
        }
        return ctx.ackWithUpdate(views.outcome(t.t("title.starting"), ConfirmationViews.Outcome.STARTING, t.t("fleet.starting", meta.toRun(), pattern), known));
    }

    /** Posts the fleet's message, says in the modal what came of it, and moves the fleet at once (its first wave). */
    private void announce(ViewSubmissionContext ctx, String viewId, String id, FleetMetadata meta, String pattern, String userId) {
        FleetAnnounced announced = runner.announce(id);
        Locale locale = locales.of(userId);
        Texts t = Texts.of(locale);
        View shown = switch (announced) {
            case NOT_POSTED -> views.failed(t.t("title.notStarted"), t.t("fleet.notPosted", "<#" + meta.channel() + ">"), ConfirmationViews.Why.TRANSIENT, locale);
            case GONE -> views.failed(t.t("title.notStarted"), t.t("fleet.gone"), ConfirmationViews.Why.RERUN, locale);
            case POSTED -> views.outcome(t.t("fleet.launched.title"), ConfirmationViews.Outcome.STARTED,
                    t.t("fleet.launched", meta.toRun(), pattern, "<#" + meta.channel() + ">"), locale);
        };
        if (viewId != null) {
            SlackCallGuard.viewsUpdate(ctx.client(), viewId, null, shown);
        }
        runner.tickIfIdle(); // its first wave now, unless a cycle is moving the fleets (it starts it within a second)
    }
}

package io.ncprollout.slack.view;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.ncprollout.rollout.RolloutRequest;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.slack.render.ConfirmationViews;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Submission of a confirmation modal: the typed cluster name must match and a reason must be given, or the
 * modal shows field errors and nothing starts. Otherwise the modal turns into "starting…" at once (the ack),
 * and our executor prechecks again, starts the operation and shows the outcome in the same modal. The
 * requester is the verified user of this request, never anything carried in the view.
 */
public final class ConfirmSubmissionHandler implements ViewSubmissionHandler {
    static final int MAX_REASON = 500;

    private final Executor work;
    private final RolloutService service;
    private final ConfirmationViews views;

    public ConfirmSubmissionHandler(Executor work, RolloutService service, ConfirmationViews views) {
        this.work = Objects.requireNonNull(work, "work == null");
        this.service = Objects.requireNonNull(service, "service == null");
        this.views = Objects.requireNonNull(views, "views == null");
    }

    @Override
    public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = req.getPayload();
        View view = payload.getView();
        Optional<ModalMetadata> decoded = ModalMetadata.decode(view.getPrivateMetadata() == null ? "" : view.getPrivateMetadata());
        if (decoded.isEmpty()) {
            return ctx.ackWithUpdate(views.failed("Form out of date", "This form can't be used any more. Run the command again."));
        }
        ModalMetadata meta = decoded.get();
        String typed = value(view, SlackIds.BlockIds.CONFIRM_NAME, SlackIds.ActionIds.CONFIRM_NAME_INPUT).trim();
        String reason = value(view, SlackIds.BlockIds.REASON, SlackIds.ActionIds.REASON_INPUT).trim();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!typed.equals(meta.clusterName())) {
            errors.put(SlackIds.BlockIds.CONFIRM_NAME, ConfirmationViews.nameMismatchError(meta.clusterName()));
        }
        if (reason.isEmpty()) {
            errors.put(SlackIds.BlockIds.REASON, "Give a reason: it goes into the channel message and the audit trail.");
        } else if (reason.length() > MAX_REASON) {
            errors.put(SlackIds.BlockIds.REASON, "Keep the reason under " + MAX_REASON + " characters.");
        }
        if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
        }
        String userId = payload.getUser().getId();
        String viewId = view.getId();
        RolloutRequest request = new RolloutRequest(meta.target(), userId, reason);
        work.execute(() -> start(ctx, viewId, meta, request));
        return ctx.ackWithUpdate(views.failed("Starting…", "Running the precheck again and starting the "
                + meta.operationKind().title().toLowerCase(java.util.Locale.ROOT) + " of " + meta.clusterName() + "…"));
    }

    private void start(ViewSubmissionContext ctx, String viewId, ModalMetadata meta, RolloutRequest request) {
        StartOutcome outcome = service.start(request, meta.channel());
        String title = outcome.started() ? "Started" : "Not started";
        SlackCallGuard.viewsUpdate(ctx.client(), viewId, null, views.failed(title, outcome.message()));
        if (outcome.result() == StartOutcome.Result.CHANNEL_UNAVAILABLE) {
            meta.responseUrlIfAny().ifPresent(url -> SlackCallGuard.respond(ctx.getSlack(), url, ":warning: " + outcome.message()));
        }
    }

    private static String value(View view, String blockId, String actionId) {
        ViewState state = view.getState();
        if (state == null || state.getValues() == null) {
            return "";
        }
        Map<String, ViewState.Value> block = state.getValues().get(blockId);
        ViewState.Value value = block == null ? null : block.get(actionId);
        return value == null || value.getValue() == null ? "" : value.getValue();
    }
}

package io.ncprollout.slack.view;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.ncprollout.rollout.ApprovalService;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Receipt;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import io.ncprollout.slack.ModalMetadata;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.command.UpgradeFlow;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.SlackText;
import io.ncprollout.slack.render.StartOutcomeMessages;
import io.ncprollout.slack.render.Texts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Submission of a confirmation modal: the typed cluster name must match and a reason must be given, or the
 * modal shows field errors and nothing starts. Otherwise the modal turns into "starting…" at once (the ack),
 * and our executor prechecks again, starts the operation and shows the outcome in the same modal. The
 * requester is the verified user of this request, never anything carried in the view. Answers given in the ack
 * use the user's language only if it is already cached (it is, from the command that opened the modal), since the
 * ack cannot wait for Slack; the follow-up looks it up.
 */
public final class ConfirmSubmissionHandler implements ViewSubmissionHandler {
    static final int MAX_REASON = 500;

    private final Executor work;
    private final ApprovalService service;
    private final ConfirmationViews views;
    private final UpgradeFlow upgrades;
    private final SlackUserLocales locales;

    public ConfirmSubmissionHandler(Executor work, ApprovalService service, ConfirmationViews views, UpgradeFlow upgrades, SlackUserLocales locales) {
        this.work = Objects.requireNonNull(work, "work == null");
        this.service = Objects.requireNonNull(service, "service == null");
        this.views = Objects.requireNonNull(views, "views == null");
        this.upgrades = Objects.requireNonNull(upgrades, "upgrades == null");
        this.locales = Objects.requireNonNull(locales, "locales == null");
    }

    @Override
    public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = req.getPayload();
        View view = payload.getView();
        String userId = payload.getUser().getId();
        Locale known = locales.ifKnown(userId);
        Texts t = Texts.of(known);
        Optional<ModalMetadata> decoded = ModalMetadata.decode(view.getPrivateMetadata() == null ? "" : view.getPrivateMetadata());
        if (decoded.isEmpty()) {
            return ctx.ackWithUpdate(views.failed(t.t("title.formOutOfDate"), t.t("flow.formOutOfDate"), ConfirmationViews.Why.RERUN, known));
        }
        ModalMetadata meta = decoded.get();
        if (meta.operationKind().isVersioned() && !readyToStart(view, meta)) {
            return recheck(ctx, view, meta, userId, known);
        }
        String typed = value(view, SlackIds.BlockIds.CONFIRM_NAME, SlackIds.ActionIds.CONFIRM_NAME_INPUT).trim();
        String reason = value(view, SlackIds.BlockIds.REASON, SlackIds.ActionIds.REASON_INPUT).trim();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!typed.equals(meta.clusterName())) {
            errors.put(SlackIds.BlockIds.CONFIRM_NAME, ConfirmationViews.nameMismatchError(meta.clusterName(), known));
        }
        if (reason.isEmpty()) {
            errors.put(SlackIds.BlockIds.REASON, ConfirmationViews.reasonError(false, known));
        } else if (reason.length() > MAX_REASON) {
            errors.put(SlackIds.BlockIds.REASON, ConfirmationViews.reasonError(true, known));
        }
        if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
        }
        String viewId = view.getId();
        if (meta.when().isPresent()) {
            return schedule(ctx, viewId, meta, new RolloutRequest(meta.target(), userId, reason), known);
        }
        // the box is offered to admins only; the start honours it for an admin only, and audits it
        RolloutRequest request = new RolloutRequest(meta.target(), userId, reason).withStartAnyway(startAnyway(view));
        // stored before Slack hears "Starting…": if the bot dies now, the next process tells the requester
        Receipt receipt;
        try {
            receipt = service.receive(request, meta.channel());
        } catch (StoreUnavailableException e) {
            return ctx.ackWithUpdate(views.failed(t.t("title.notStarted"), t.t("flow.storeUnavailable"), ConfirmationViews.Why.TRANSIENT, known));
        }
        try {
            work.execute(() -> start(ctx, viewId, meta, request, receipt));
        } catch (RejectedExecutionException e) {
            service.answered(receipt);
            return ctx.ackWithUpdate(views.failed(t.t("title.notStarted"), t.t("flow.shuttingDown"), ConfirmationViews.Why.TRANSIENT, known));
        }
        return ctx.ackWithUpdate(views.outcome(t.t("title.starting"), ConfirmationViews.Outcome.STARTING,
                t.t("start.starting", StartOutcomeMessages.kindInSentence(meta.operationKind(), known), "*" + SlackText.escape(meta.clusterName()) + "*"), known));
    }

    /**
     * A form of an operation asked for a later time ({@code --at}): nothing is received as a start (no receipt: a
     * crash would tell the requester "not started" about a run that is stored and will fire); the run is stored on the
     * work pool, or the approval asked, and the modal says which. The admin's "start anyway" is not kept: at the time,
     * the health gate decides, as every check does then.
     */
    private Response schedule(ViewSubmissionContext ctx, String viewId, ModalMetadata meta, RolloutRequest request, Locale known) {
        Texts t = Texts.of(known);
        try {
            work.execute(() -> answer(ctx, viewId, meta, request, Optional.empty()));
        } catch (RejectedExecutionException e) {
            return ctx.ackWithUpdate(views.failed(t.t("title.notScheduled"), t.t("flow.shuttingDown"), ConfirmationViews.Why.TRANSIENT, known));
        }
        return ctx.ackWithUpdate(views.outcome(t.t("title.scheduling"), ConfirmationViews.Outcome.STARTING,
                t.t("start.scheduling", StartOutcomeMessages.kindInSentence(meta.operationKind(), known), "*" + SlackText.escape(meta.clusterName()) + "*"),
                known));
    }

    private void start(ViewSubmissionContext ctx, String viewId, ModalMetadata meta, RolloutRequest request, Receipt receipt) {
        try {
            answer(ctx, viewId, meta, request, Optional.of(receipt));
        } finally {
            service.answered(receipt); // after the answer: a crash before it tells the requester again, never not at all
        }
    }

    private void answer(ViewSubmissionContext ctx, String viewId, ModalMetadata meta, RolloutRequest request, Optional<Receipt> receipt) {
        // the view id is the request's key: the same form delivered or submitted again never starts (or is stored) twice
        String key = viewId != null ? "view:" + viewId : receipt.map(r -> "receipt:" + r.rolloutId()).orElseGet(() -> "form:" + java.util.UUID.randomUUID());
        StartOutcome outcome = service.submit(key, request, meta.channel(), receipt, meta.when());
        Locale locale = locales.of(request.requester());
        String message = StartOutcomeMessages.message(outcome, locale);
        ConfirmationViews.Outcome shown = outcome.started() ? ConfirmationViews.Outcome.STARTED
                : outcome.result() == StartOutcome.Result.SCHEDULED ? ConfirmationViews.Outcome.SCHEDULED
                : outcome.result() == StartOutcome.Result.AWAITING_APPROVAL ? ConfirmationViews.Outcome.WAITING : ConfirmationViews.Outcome.REFUSED;
        SlackCallGuard.viewsUpdate(ctx.client(), viewId, null, views.outcome(StartOutcomeMessages.title(outcome, locale), shown, message, locale));
        if (outcome.result() == StartOutcome.Result.CHANNEL_UNAVAILABLE) {
            meta.responseUrlIfAny().ifPresent(url -> SlackCallGuard.respond(ctx.getSlack(), url, ":warning: " + message));
        }
    }

    /**
     * An upgrade form can be submitted before its precheck passed (its button then reads "Run precheck"), or with
     * a pair other than the one prechecked (a selection the update has not caught up with): both mean "check again".
     */
    private static boolean readyToStart(View view, ModalMetadata meta) {
        boolean confirmShown = view.getState() != null && view.getState().getValues() != null
                && view.getState().getValues().containsKey(SlackIds.BlockIds.CONFIRM_NAME);
        Optional<String> version = selected(view, SlackIds.BlockIds.TARGET_VERSION, SlackIds.ActionIds.TARGET_VERSION_SELECT);
        Optional<String> group = selected(view, SlackIds.BlockIds.CONFIG_GROUP, SlackIds.ActionIds.CONFIG_GROUP_SELECT);
        boolean sameVersion = version.isEmpty() || version.get().equals(meta.targetVersion());
        boolean sameGroup = group.isEmpty() || group.get().equals(meta.configGroupNo());
        return confirmShown && sameVersion && sameGroup && meta.targetVersion() != null
                && (!meta.operationKind().needsConfigGroup() || meta.configGroupNo() != null);
    }

    private Response recheck(ViewSubmissionContext ctx, View view, ModalMetadata meta, String userId, Locale known) {
        Optional<String> version = selected(view, SlackIds.BlockIds.TARGET_VERSION, SlackIds.ActionIds.TARGET_VERSION_SELECT)
                .or(() -> Optional.ofNullable(meta.targetVersion()));
        Optional<String> group = selected(view, SlackIds.BlockIds.CONFIG_GROUP, SlackIds.ActionIds.CONFIG_GROUP_SELECT);
        ClusterRef cluster = new ClusterRef(meta.operationKind().product(), meta.clusterNo(), meta.clusterName(), meta.region());
        String viewId = view.getId();
        work.execute(() -> SlackCallGuard.viewsUpdate(ctx.client(), viewId, null,
                upgrades.form(meta.operationKind(), cluster, version, group,
                        new UpgradeFlow.Asker(meta.channel(), meta.responseUrlIfAny().orElse(""), userId, meta.note()))));
        return ctx.ackWithUpdate(views.loading(meta.clusterName(), meta.operationKind(), known));
    }

    private static Optional<String> selected(View view, String blockId, String actionId) {
        ViewState state = view.getState();
        if (state == null || state.getValues() == null || state.getValues().get(blockId) == null) {
            return Optional.empty();
        }
        ViewState.Value value = state.getValues().get(blockId).get(actionId);
        return value == null || value.getSelectedOption() == null ? Optional.empty() : Optional.ofNullable(value.getSelectedOption().getValue());
    }

    /** Was the admin's "start anyway" box ticked? */
    static boolean startAnyway(View view) {
        ViewState state = view.getState();
        if (state == null || state.getValues() == null) {
            return false;
        }
        Map<String, ViewState.Value> block = state.getValues().get(SlackIds.BlockIds.START_ANYWAY);
        ViewState.Value value = block == null ? null : block.get(SlackIds.ActionIds.START_ANYWAY_CHECK);
        return value != null && value.getSelectedOptions() != null
                && value.getSelectedOptions().stream().anyMatch(o -> SlackIds.ActionIds.START_ANYWAY_VALUE.equals(o.getValue()));
    }

    /** The text typed in input {@code actionId} of block {@code blockId}; empty when absent. */
    static String value(View view, String blockId, String actionId) {
        ViewState state = view.getState();
        if (state == null || state.getValues() == null) {
            return "";
        }
        Map<String, ViewState.Value> block = state.getValues().get(blockId);
        ViewState.Value value = block == null ? null : block.get(actionId);
        return value == null || value.getValue() == null ? "" : value.getValue();
    }
}

package io.ncprollout.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.slack.action.ApprovalActionHandler;
import io.ncprollout.slack.action.CmakRestartActionHandler;
import io.ncprollout.slack.action.FleetButtonsHandler;
import io.ncprollout.slack.action.ProgressButtonsHandler;
import io.ncprollout.slack.action.ScheduleButtonsHandler;
import io.ncprollout.slack.action.UpgradeSelectionHandler;
import io.ncprollout.slack.command.RolloutCommandHandler;
import io.ncprollout.slack.home.AppHomeHandler;
import io.ncprollout.slack.render.FleetMessages;
import io.ncprollout.slack.view.ConfirmSubmissionHandler;
import io.ncprollout.slack.view.FleetSubmissionHandler;
import java.util.Objects;

/** The one place that maps Slack commands, callback ids, action ids and events to handlers. */
public final class SlackListeners {
    /**
     * Every handler of the app.
     *
     * @param commands  both slash commands
     * @param confirm   submissions of every confirmation modal
     * @param selection version and config-group picks in upgrade modals
     * @param cmak      the CMAK restart button
     * @param progress  the buttons of progress replies
     * @param home      the App Home tab
     * @param approval  Approve and Reject on two-person-rule requests
     */
    public record Handlers(RolloutCommandHandler commands, ConfirmSubmissionHandler confirm, UpgradeSelectionHandler selection,
            CmakRestartActionHandler cmak, ProgressButtonsHandler progress, AppHomeHandler home, ApprovalActionHandler approval) {
        public Handlers {
            Objects.requireNonNull(commands, "commands == null");
            Objects.requireNonNull(confirm, "confirm == null");
            Objects.requireNonNull(selection, "selection == null");
            Objects.requireNonNull(cmak, "cmak == null");
            Objects.requireNonNull(progress, "progress == null");
            Objects.requireNonNull(home, "home == null");
            Objects.requireNonNull(approval, "approval == null");
        }
    }

    private SlackListeners() {
    }

    public static void register(App app, Handlers h) {
        app.command("/kafka", h.commands());
        app.command("/opensearch", h.commands());
        registerConfirmations(app, h.confirm(), h.cmak());
        app.blockAction(SlackIds.ActionIds.TARGET_VERSION_SELECT, h.selection());
        app.blockAction(SlackIds.ActionIds.CONFIG_GROUP_SELECT, h.selection());
        app.blockAction(SlackIds.ActionIds.REFRESH_NOW, h.progress());
        app.blockAction(SlackIds.ActionIds.SHOW_STATUS, h.progress());
        app.blockAction(SlackIds.ActionIds.APPROVE, h.approval());
        app.blockAction(SlackIds.ActionIds.REJECT, h.approval());
        app.event(AppHomeOpenedEvent.class, h.home());
    }

    /** Fleets: the plan modal's submission and the buttons of a fleet's message (Pause, Resume, Stop, Approve, Reject). */
    public static void registerFleets(App app, FleetSubmissionHandler submission, FleetButtonsHandler buttons) {
        app.viewSubmission(FleetMessages.CONFIRM_ID, submission);
        app.blockAction(SlackIds.ActionIds.FLEET_PAUSE, buttons);
        app.blockAction(SlackIds.ActionIds.FLEET_RESUME, buttons);
        app.blockAction(SlackIds.ActionIds.FLEET_STOP, buttons);
        app.blockAction(SlackIds.ActionIds.FLEET_APPROVE, buttons);
        app.blockAction(SlackIds.ActionIds.FLEET_REJECT, buttons);
    }

    /** Scheduled runs: the Cancel button of a reminder. */
    public static void registerSchedules(App app, ScheduleButtonsHandler buttons) {
        app.blockAction(SlackIds.ActionIds.SCHEDULE_CANCEL, buttons);
    }

    /**
     * The confirmation of every operation kind, by its {@link OperationKind#confirmationId()}: a submitted form to
     * {@code form}, a pressed button to {@code button}. A loop over the kinds, so a new kind is never left unheard.
     */
    public static void registerConfirmations(App app, ViewSubmissionHandler form, BlockActionHandler button) {
        for (OperationKind kind : OperationKind.values()) {
            confirmation(app, kind, form, button);
        }
    }

    /** A switch expression: a new way of confirming does not compile until it is registered here. */
    private static App confirmation(App app, OperationKind kind, ViewSubmissionHandler form, BlockActionHandler button) {
        return switch (kind.confirmation()) {
            case TYPED_NAME -> app.viewSubmission(kind.confirmationId(), form);
            case BUTTON -> app.blockAction(kind.confirmationId(), button);
        };
    }
}

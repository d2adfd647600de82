package io.ncprollout.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.ncprollout.slack.action.ApprovalActionHandler;
import io.ncprollout.slack.action.CmakRestartActionHandler;
import io.ncprollout.slack.action.ProgressButtonsHandler;
import io.ncprollout.slack.action.UpgradeSelectionHandler;
import io.ncprollout.slack.command.RolloutCommandHandler;
import io.ncprollout.slack.home.AppHomeHandler;
import io.ncprollout.slack.view.ConfirmSubmissionHandler;
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
        app.viewSubmission(SlackIds.CallbackIds.KAFKA_RESTART_CONFIRM, h.confirm());
        app.viewSubmission(SlackIds.CallbackIds.KAFKA_UPGRADE_CONFIRM, h.confirm());
        app.viewSubmission(SlackIds.CallbackIds.OPENSEARCH_UPGRADE_CONFIRM, h.confirm());
        app.blockAction(SlackIds.ActionIds.TARGET_VERSION_SELECT, h.selection());
        app.blockAction(SlackIds.ActionIds.CONFIG_GROUP_SELECT, h.selection());
        app.blockAction(SlackIds.ActionIds.CMAK_RESTART_CONFIRM, h.cmak());
        app.blockAction(SlackIds.ActionIds.REFRESH_NOW, h.progress());
        app.blockAction(SlackIds.ActionIds.SHOW_STATUS, h.progress());
        app.blockAction(SlackIds.ActionIds.APPROVE, h.approval());
        app.blockAction(SlackIds.ActionIds.REJECT, h.approval());
        app.event(AppHomeOpenedEvent.class, h.home());
    }
}

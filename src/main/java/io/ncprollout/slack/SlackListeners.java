package io.ncprollout.slack;

import com.slack.api.bolt.App;
import io.ncprollout.slack.command.RolloutCommandHandler;
import io.ncprollout.slack.view.ConfirmSubmissionHandler;

/** The one place that maps Slack commands, callback ids and action ids to handlers. */
public final class SlackListeners {
    private SlackListeners() {
    }

    public static void register(App app, RolloutCommandHandler commands, ConfirmSubmissionHandler confirm) {
        app.command("/kafka", commands);
        app.command("/opensearch", commands);
        app.viewSubmission(SlackIds.CallbackIds.KAFKA_RESTART_CONFIRM, confirm);
    }
}

package io.ncprollout.slack;

/**
 * Every Slack id the bot defines, once: handlers register on them and renderers put them in views.
 * Values are kebab-case and never change meaning once released, since open modals carry them. The ids of each
 * operation's confirmation (a modal's callback id, or the CMAK restart button's action id) are the kind's own:
 * {@link io.ncprollout.rollout.operation.OperationKind#confirmationId()}.
 */
public final class SlackIds {
    private SlackIds() {
    }

    /** {@code callback_id}s of modal views. */
    public static final class CallbackIds {
        /** Approve a request under the two-person rule; the value is the approval id. */
        public static final String APPROVE = "approve-request";
        /** Reject (or withdraw) a request under the two-person rule; the value is the approval id. */
        public static final String REJECT = "reject-request";
        /** The modal shown while the precheck runs; it has no submit button. */
        public static final String PRECHECK_LOADING = "precheck-loading";
        /** A modal that only reports an error; it has no submit button. */
        public static final String MODAL_ERROR = "modal-error";

        private CallbackIds() {
        }
    }

    /** {@code block_id}s of input blocks: the keys of {@code view.state.values} and of {@code response_action: errors}. */
    public static final class BlockIds {
        public static final String CONFIRM_NAME = "confirm-name";
        public static final String REASON = "reason";
        /** The upgrade modal's version select; {@code dispatch_action} makes a choice send {@code block_actions}. */
        public static final String TARGET_VERSION = "target-version";
        /** The Kafka upgrade modal's config group select, also dispatching its choice. */
        public static final String CONFIG_GROUP = "config-group";
        /** The upgrade modal's precheck line: not an input, so never a key of {@code response_action: errors}. */
        public static final String PRECHECK = "precheck";
        /** The admin's "start anyway" checkbox, shown when the data-level health gate does not pass. */
        public static final String START_ANYWAY = "start-anyway";
        /** The Pause, Resume and Stop buttons of a fleet's message. */
        public static final String FLEET_BUTTONS = "fleet-buttons";

        private BlockIds() {
        }
    }

    /** {@code action_id}s of interactive elements. */
    public static final class ActionIds {
        public static final String CONFIRM_NAME_INPUT = "confirm-name-input";
        public static final String REASON_INPUT = "reason-input";
        /** The "start anyway" checkboxes; its one option's value is {@link #START_ANYWAY_VALUE}. */
        public static final String START_ANYWAY_CHECK = "start-anyway-check";
        public static final String START_ANYWAY_VALUE = "start-anyway";
        /** Version chosen in the upgrade modal; the option's value is the version code. */
        public static final String TARGET_VERSION_SELECT = "target-version-select";
        /** Config group chosen in the Kafka upgrade modal; the option's value is the group number. */
        public static final String CONFIG_GROUP_SELECT = "config-group-select";
        /** Button on a running operation's progress reply; the value is the rollout id. */
        public static final String REFRESH_NOW = "refresh-now";
        /** A fleet's Pause, Resume and Stop; the value is the fleet's id. */
        public static final String FLEET_PAUSE = "fleet-pause";
        public static final String FLEET_RESUME = "fleet-resume";
        public static final String FLEET_STOP = "fleet-stop";
        /** Approve and Reject on a fleet that waits for its approval; the value is the fleet's id. */
        public static final String FLEET_APPROVE = "fleet-approve";
        public static final String FLEET_REJECT = "fleet-reject";
        /** Button on a running operation's progress reply; the value is the rollout id. */
        public static final String SHOW_STATUS = "show-status";
        /** Approve a request under the two-person rule; the value is the approval id. */
        public static final String APPROVE = "approve-request";
        /** Reject (or withdraw) a request under the two-person rule; the value is the approval id. */
        public static final String REJECT = "reject-request";
        /** Cancel on a scheduled run's reminder (behind a confirm dialog); the value is the run's id. */
        public static final String SCHEDULE_CANCEL = "schedule-cancel";

        private ActionIds() {
        }
    }
}

package io.ncprollout.slack.action;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import java.util.List;
import java.util.Optional;

/**
 * The action a block_actions payload carries: Slack sends one per click, in a list that a forged or truncated payload
 * may leave null or empty. Every handler reads it here, so none of them can trip on such a payload.
 */
final class FirstAction {
    private FirstAction() {
    }

    /** The first action; empty when the payload carries none. */
    static Optional<BlockActionPayload.Action> of(BlockActionPayload payload) {
        List<BlockActionPayload.Action> actions = payload.getActions();
        return actions == null || actions.isEmpty() ? Optional.empty() : Optional.ofNullable(actions.get(0));
    }

    /**
     * A button press on a message: which button, its value, who pressed it and where to answer them.
     *
     * @param responseUrl null when Slack sent none
     */
    record Click(String actionId, String value, String user, @org.jspecify.annotations.Nullable String responseUrl) {
    }

    /** The press of a button with a value by a known user; empty for a payload without one (forged or truncated). */
    static Optional<Click> click(BlockActionPayload payload) {
        Optional<BlockActionPayload.Action> clicked = of(payload);
        if (clicked.isEmpty() || clicked.get().getValue() == null || payload.getUser() == null) {
            return Optional.empty();
        }
        return Optional.of(new Click(clicked.get().getActionId(), clicked.get().getValue(), payload.getUser().getId(), payload.getResponseUrl()));
    }

    /** The first action's value; empty when there is no action or it has no value. */
    static Optional<String> value(BlockActionPayload payload) {
        return of(payload).map(BlockActionPayload.Action::getValue);
    }
}

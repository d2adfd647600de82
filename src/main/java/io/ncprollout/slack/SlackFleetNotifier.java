package io.ncprollout.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetEvent;
import io.ncprollout.rollout.fleet.FleetNotifier;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.slack.render.FleetMessages;
import io.ncprollout.slack.render.SlackMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FleetNotifier} on the Slack Web API: the fleet's message is posted once and edited within the chat.update
 * budget it shares with the progress replies (an edit the budget refuses waits, and the next shows the latest state),
 * its lines are posted in its thread, in the requester's language. A rate limit holds every fleet call until Slack's Retry-After; a message
 * that can never be posted or edited (channel archived, bot removed) is logged and counted as said, so that one
 * broken channel does not hold a fleet's thread for ever.
 */
public final class SlackFleetNotifier implements FleetNotifier {
    private static final Logger log = LoggerFactory.getLogger(SlackFleetNotifier.class);

    /** An edit of a message that can no longer be edited: the lines still say the rest. */
    private static final Set<String> EDIT_GONE = Set.of("cant_update_message", "edit_window_closed");

    private final MethodsClient client;
    private final FleetMessages messages;
    private final SlackUserLocales locales;
    private final EditBudget editBudget;
    private final Clock clock;
    private Instant blockedUntil = Instant.MIN;
    private @Nullable String workspaceUrl;

    /** @param editBudget the chat.update budget the progress replies spend too (Slack counts both) */
    public SlackFleetNotifier(MethodsClient client, FleetMessages messages, SlackUserLocales locales, EditBudget editBudget, Clock clock) {
        this.client = client;
        this.messages = messages;
        this.locales = locales;
        this.editBudget = editBudget;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<ThreadRef> announce(Fleet fleet) {
        if (blocked()) {
            return Optional.empty();
        }
        SlackMessage parent = messages.parent(fleet, Map.of(), workspace(), locales.of(fleet.spec().requester()));
        try {
            ChatPostMessageResponse posted = SlackCalls.call("chat.postMessage", () -> client.chatPostMessage(r -> r
                    .channel(fleet.spec().channel()).text(parent.text()).blocks(parent.blocks()).unfurlLinks(false)));
            return Optional.of(new ThreadRef(posted.getChannel(), posted.getTs(), ""));
        } catch (SlackCallException e) {
            log.warn("fleet {}: cannot post its message in {}: {}", fleet.id(), fleet.spec().channel(), e.error());
            hold(e);
            return Optional.empty();
        }
    }

    @Override
    public synchronized boolean showTable(Fleet fleet, Map<String, ThreadRef> threads) {
        if (blocked()) {
            return false;
        }
        // an edit spends the shared budget; without one the table stays stale and shows the latest state at a later
        // cycle (coalesced). The final edit is rare and is made anyway, as the progress replies' final edits are.
        if (!editBudget.tryTake(clock.instant()) && !fleet.state().isFinal()) {
            return false;
        }
        SlackMessage parent = messages.parent(fleet, threads, workspace(), locales.of(fleet.spec().requester()));
        ThreadRef thread = fleet.thread();
        try {
            SlackCalls.call("chat.update", () -> client.chatUpdate(r -> r.channel(thread.channel()).ts(thread.parentTs())
                    .text(parent.text()).blocks(parent.blocks())));
            return true;
        } catch (SlackCallException e) {
            return failed(fleet, "edit its message", e);
        }
    }

    @Override
    public synchronized boolean say(Fleet fleet, FleetEvent event, Map<String, ThreadRef> threads) {
        if (blocked()) {
            return false;
        }
        SlackMessage line = messages.line(fleet, event, threads, workspace(), locales.of(fleet.spec().requester()));
        ThreadRef thread = fleet.thread();
        boolean finished = event.type() == FleetEvent.Type.FINISHED;
        try {
            if (thread.isPending()) {
                // no fleet message was ever posted (the bot stopped while posting it): the requester hears the ending directly
                if (finished) {
                    SlackCalls.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(fleet.spec().requester())
                            .text(line.text()).blocks(line.blocks()).unfurlLinks(false)));
                }
                return true;
            }
            SlackCalls.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(thread.channel()).threadTs(thread.parentTs())
                    .text(line.text()).blocks(line.blocks()).replyBroadcast(finished).unfurlLinks(false)));
            return true;
        } catch (SlackCallException e) {
            return failed(fleet, "say " + event.type(), e);
        }
    }

    private boolean failed(Fleet fleet, String what, SlackCallException e) {
        if (SlackProgressNotifier.PERMANENT.contains(e.error()) || EDIT_GONE.contains(e.error())) {
            log.error("fleet {}: cannot {} ({}); given up", fleet.id(), what, e.error());
            return true;
        }
        log.warn("fleet {}: cannot {} now ({}); tried again", fleet.id(), what, e.error());
        hold(e);
        return false;
    }

    private void hold(SlackCallException e) {
        e.retryAfter().ifPresent(wait -> blockedUntil = clock.instant().plus(wait));
    }

    private boolean blocked() {
        return clock.instant().isBefore(blockedUntil);
    }

    private String workspace() {
        if (workspaceUrl == null) {
            Optional<String> url = SlackCallGuard.workspaceUrl(client);
            if (url.isEmpty()) {
                return "https://slack.com/";
            }
            workspaceUrl = url.get();
        }
        return workspaceUrl;
    }
}

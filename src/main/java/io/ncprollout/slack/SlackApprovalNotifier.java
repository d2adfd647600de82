package io.ncprollout.slack;

import com.slack.api.methods.MethodsClient;
import io.ncprollout.rollout.ApprovalNotifier;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.slack.render.ApprovalMessages;
import io.ncprollout.slack.render.SlackMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ApprovalNotifier} over the Web API: the request message, then its edit once decided, in the requester's language. */
public final class SlackApprovalNotifier implements ApprovalNotifier {
    private static final Logger log = LoggerFactory.getLogger(SlackApprovalNotifier.class);

    private final MethodsClient client;
    private final ApprovalMessages messages;
    private final SlackUserLocales locales;

    public SlackApprovalNotifier(MethodsClient client, ApprovalMessages messages, SlackUserLocales locales) {
        this.client = client;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public String ask(PendingApproval approval) throws ProgressNotifier.NotifyException {
        SlackMessage m = messages.request(approval, locales.of(approval.request().requester()));
        try {
            return SlackCalls.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(approval.channel()).text(m.text()).blocks(m.blocks())))
                    .getTs();
        } catch (SlackCallException e) {
            throw new ProgressNotifier.NotifyException(approval.channel(), e.error(), e);
        }
    }

    @Override
    public void decided(PendingApproval approval) {
        SlackMessage m = messages.decided(approval, locales.of(approval.request().requester()));
        try {
            SlackCalls.call("chat.update", () -> client.chatUpdate(r -> r.channel(approval.channel()).ts(approval.messageTs()).text(m.text()).blocks(m.blocks())));
        } catch (SlackCallException e) {
            log.warn("approval {}: could not update its message: {}", approval.id(), e.error());
        }
    }
}

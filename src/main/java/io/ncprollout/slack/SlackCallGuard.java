package io.ncprollout.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import io.ncprollout.slack.render.SlackMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls made from interaction follow-ups where a failure can only be logged (and, where possible, told to the
 * user another way): each returns normally and logs Slack's error code with the call.
 */
public final class SlackCallGuard {
    private static final Logger log = LoggerFactory.getLogger(SlackCallGuard.class);

    private SlackCallGuard() {
    }

    /** Opens a modal; null when Slack refused (an expired trigger, for one). */
    public static @Nullable ViewsOpenResponse viewsOpen(MethodsClient client, String triggerId, View view) {
        try {
            return SlackCalls.call("views.open", () -> client.viewsOpen(r -> r.triggerId(triggerId).view(view)));
        } catch (SlackCallException e) {
            log.warn("views.open failed: {}", e.error());
            return null;
        }
    }

    /** Replaces a modal's content; {@code hash}, when given, guards against overwriting a newer view. */
    public static boolean viewsUpdate(MethodsClient client, String viewId, @Nullable String hash, View view) {
        try {
            SlackCalls.call("views.update", () -> client.viewsUpdate(r -> r.viewId(viewId).hash(hash).view(view)));
            return true;
        } catch (SlackCallException e) {
            log.warn("views.update of {} failed: {}", viewId, e.error());
            return false;
        }
    }

    /** Publishes {@code view} as {@code userId}'s Home tab; false when Slack refused. */
    public static boolean viewsPublish(MethodsClient client, String userId, View view) {
        try {
            SlackCalls.call("views.publish", () -> client.viewsPublish(r -> r.userId(userId).view(view)));
            return true;
        } catch (SlackCallException e) {
            log.warn("views.publish for {} failed: {}", userId, e.error());
            return false;
        }
    }

    /** The workspace's URL as auth.test gives it ({@code https://team.slack.com/}); empty when Slack refused. */
    public static Optional<String> workspaceUrl(MethodsClient client) {
        try {
            return Optional.ofNullable(SlackCalls.call("auth.test", () -> client.authTest(r -> r)).getUrl());
        } catch (SlackCallException e) {
            log.warn("auth.test failed: {}", e.error());
            return Optional.empty();
        }
    }

    /** An ephemeral reply through a command's response_url (works where the bot is not a member). */
    public static void respond(Slack slack, String responseUrl, String text) {
        respond(slack, responseUrl, new SlackMessage(text, List.of()));
    }

    /** An ephemeral message with blocks through a command's response_url. */
    public static void respond(Slack slack, String responseUrl, SlackMessage message) {
        if (responseUrl == null || responseUrl.isBlank()) {
            log.warn("no response_url to send an ephemeral reply to");
            return;
        }
        try {
            WebhookResponse sent = new Responder(slack, responseUrl).sendToCommand(r -> r.responseType("ephemeral")
                    .text(message.text()).blocks(message.blocks().isEmpty() ? null : message.blocks()));
            if (sent.getCode() != 200) {
                log.warn("ephemeral reply refused: HTTP {} {}", sent.getCode(), sent.getBody());
            }
        } catch (IOException e) {
            log.warn("ephemeral reply failed: {}", e.getMessage());
        }
    }

    /** Replaces the message an interaction came from (through its response_url) with {@code text}. */
    public static void replaceOriginal(Slack slack, String responseUrl, String text) {
        if (responseUrl == null || responseUrl.isBlank()) {
            log.warn("no response_url to replace the original message");
            return;
        }
        try {
            WebhookResponse sent = new Responder(slack, responseUrl).sendToAction(r -> r.replaceOriginal(true).text(text));
            if (sent.getCode() != 200) {
                log.warn("replacing the original message refused: HTTP {} {}", sent.getCode(), sent.getBody());
            }
        } catch (IOException e) {
            log.warn("replacing the original message failed: {}", e.getMessage());
        }
    }
}

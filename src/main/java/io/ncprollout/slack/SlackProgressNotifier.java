package io.ncprollout.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.slack.render.ProgressMessages;
import io.ncprollout.slack.render.SlackMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ProgressNotifier} over the Slack Web API: a parent message, a threaded progress reply edited in
 * place, notices as thread replies, and a broadcast final reply. Notices are said synchronously by
 * {@link #deliver}, for the outbox sender to mark each one sent (or to try it again later).
 *
 * <p>Slack hygiene: the progress reply is edited only when its rendered content differs from what was last
 * sent. After a 429 every edit waits out {@code Retry-After}; meanwhile only the latest content per message
 * is kept (coalesced), and {@link #flushPending(Instant)} sends it when the wait is over, so there is never a
 * backlog of stale edits. Edits also spend an {@link EditBudget} shared by every message of the workspace (by
 * default 50 a minute): when it is used up, edits stay pending the same way, the latest content per message
 * winning, oldest waiting message first, and go out as the budget comes back. Posts (the thread's notices and the
 * final reply) and the final edits never wait for that budget. A failed post is logged with the rollout id and never
 * fails the rollout.
 *
 * <p>Every message is rendered in the requester's language ({@link SlackUserLocales}, cached, so the poller
 * asks Slack at most once per requester per cache period; a failed lookup writes English).
 */
public final class SlackProgressNotifier implements ProgressNotifier {
    /** Twice the progress and parent messages of 1,000 concurrent operations, and some. */
    static final int REMEMBERED_MESSAGES = 5000;
    private static final Logger log = LoggerFactory.getLogger(SlackProgressNotifier.class);
    /** Errors after which a post can never succeed: the notice is dropped, not retried. */
    /** Slack errors that no retry will change: the message is dropped and logged (the fleet's notifier uses them too). */
    static final java.util.Set<String> PERMANENT = java.util.Set.of("channel_not_found", "is_archived", "not_in_channel",
            "thread_not_found", "message_not_found", "restricted_action", "cannot_dm_bot", "user_not_found", "msg_too_long",
            "invalid_blocks", "no_text", "account_inactive", "invalid_auth", "not_authed", "token_revoked");

    private final MethodsClient client;
    private final ProgressMessages messages;
    private final SlackUserLocales locales;
    /** What each message last showed, by ts; the oldest are forgotten (a forgotten message is edited once more, no harm). */
    private final Map<String, SlackMessage> lastSent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SlackMessage> eldest) {
            return size() > REMEMBERED_MESSAGES;
        }
    };
    private final Map<String, PendingEdit> pendingEdits = new LinkedHashMap<>();
    private final EditBudget editBudget;
    private final Clock clock;
    private Instant blockedUntil = Instant.MIN;

    /**
     * A notifier whose {@code chat.update} calls spend {@code editBudget}, read against {@code clock} at the moment of
     * each call (the {@code now} callers pass is when they decided, which in a long poll cycle is seconds earlier),
     * and which writes each rollout's messages in its requester's language.
     */
    public SlackProgressNotifier(MethodsClient client, ProgressMessages messages, SlackUserLocales locales, EditBudget editBudget,
            Clock clock) {
        this.client = client;
        this.messages = messages;
        this.locales = locales;
        this.editBudget = editBudget;
        this.clock = clock;
    }

    /** How many edits wait (for a rate limit or the edit budget). */
    public synchronized int pendingEdits() {
        return pendingEdits.size();
    }

    @Override
    public ThreadRef announce(Rollout rollout, String channel, Instant now) throws NotifyException {
        Locale locale = locale(rollout);
        SlackMessage parent = messages.parent(rollout, locale);
        SlackMessage progress = messages.progress(rollout, locale);
        try {
            ChatPostMessageResponse posted = SlackCalls.call("chat.postMessage", () -> client.chatPostMessage(r -> r
                    .channel(channel).text(parent.text()).blocks(parent.blocks()).unfurlLinks(false)));
            String parentTs = posted.getTs();
            ChatPostMessageResponse reply = SlackCalls.call("chat.postMessage", () -> client.chatPostMessage(r -> r
                    .channel(posted.getChannel()).threadTs(parentTs).text(progress.text()).blocks(progress.blocks())));
            synchronized (this) {
                lastSent.put(reply.getTs(), progress);
            }
            return new ThreadRef(posted.getChannel(), parentTs, reply.getTs());
        } catch (SlackCallException e) {
            throw new NotifyException(channel, e.error(), e);
        }
    }

    @Override
    public void progress(Rollout rollout, ThreadRef thread, Instant now) {
        if (thread.isPending()) {
            return;
        }
        SlackMessage message = messages.progress(rollout, locale(rollout));
        synchronized (this) {
            if (message.equals(lastSent.get(thread.progressTs()))) {
                pendingEdits.remove(thread.progressTs());
                return;
            }
            pendingEdits.put(thread.progressTs(), new PendingEdit(rollout.id(), thread.channel(), thread.progressTs(), message));
        }
        flushPending(now);
    }

    @Override
    public Delivery deliver(Rollout rollout, ThreadRef thread, Notice notice, Instant now) {
        synchronized (this) {
            if (now.isBefore(blockedUntil)) {
                return Delivery.retry(Duration.between(now, blockedUntil), "Slack asked to wait (rate limit)");
            }
        }
        Locale locale = locale(rollout);
        SlackMessage reply = messages.notice(rollout, notice, locale);
        boolean finished = notice == Notice.FINISHED;
        if (thread.isPending()) {
            // no thread was ever posted (the bot stopped while starting): the requester hears it directly
            return finished ? post("chat.postMessage", rollout, r -> r.channel(rollout.request().requester()).text(reply.text())
                    .blocks(reply.blocks()).unfurlLinks(false)) : Delivery.dropped("no thread to say " + notice + " in");
        }
        if (finished) {
            // idempotent edits first: a crash or a retry repeats them harmlessly, while the post below happens once;
            // an edit that failed for now is retried (with the post) rather than leave the parent saying "running"
            Optional<Delivery> failed = edit(rollout, thread.channel(), thread.progressTs(), messages.progress(rollout, locale))
                    .or(() -> edit(rollout, thread.channel(), thread.parentTs(), messages.parent(rollout, locale)));
            if (failed.isPresent()) {
                return failed.get();
            }
        }
        return post("chat.postMessage", rollout, r -> r.channel(thread.channel()).threadTs(thread.parentTs()).text(reply.text())
                .blocks(reply.blocks()).replyBroadcast(finished));
    }

    private Delivery post(String method, Rollout rollout,
            com.slack.api.RequestConfigurator<com.slack.api.methods.request.chat.ChatPostMessageRequest.ChatPostMessageRequestBuilder> request) {
        try {
            SlackCalls.call(method, () -> client.chatPostMessage(request));
            return Delivery.delivered();
        } catch (SlackCallException e) {
            return failed(rollout, e);
        }
    }

    /**
     * A final edit of one message: spends the edit budget when it can, but never waits for it (finals are rare).
     *
     * @return empty when it was made, or can never be (the message is gone: the final reply still says it); else when to retry
     */
    private Optional<Delivery> edit(Rollout rollout, String channel, String ts, SlackMessage message) {
        if (ts.isEmpty()) {
            return Optional.empty();
        }
        synchronized (this) {
            pendingEdits.remove(ts);
            if (message.equals(lastSent.get(ts))) {
                return Optional.empty(); // this process already showed it (a restarted one remembers nothing, and edits)
            }
            editBudget.tryTake(clock.instant());
        }
        try {
            SlackCalls.call("chat.update", () -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(message.text()).blocks(message.blocks())));
            synchronized (this) {
                lastSent.put(ts, message);
            }
            return Optional.empty();
        } catch (SlackCallException e) {
            log.warn("rollout {}: could not edit message {} to its final state: {}", rollout.id(), ts, e.error());
            return PERMANENT.contains(e.error()) || "cant_update_message".equals(e.error()) || "edit_window_closed".equals(e.error())
                    ? Optional.empty() : Optional.of(failed(rollout, e));
        }
    }

    private Delivery failed(Rollout rollout, SlackCallException e) {
        if (e.isRateLimited()) {
            Duration wait = block(e);
            return Delivery.retry(wait, "rate limited by Slack");
        }
        if (PERMANENT.contains(e.error())) {
            return Delivery.dropped("Slack said " + e.error());
        }
        log.warn("rollout {}: {} failed ({}); it will be tried again", rollout.id(), e.method(), e.error());
        return Delivery.retry(Duration.ZERO, "Slack said " + e.error());
    }

    private synchronized Duration block(SlackCallException e) {
        Duration wait = e.retryAfter().orElse(Duration.ofSeconds(1));
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
        log.warn("Slack rate limit on {}: waiting until {}; only the latest content of each message will be sent", e.method(), blockedUntil);
        return wait;
    }

    private Locale locale(Rollout rollout) {
        return locales.of(rollout.request().requester());
    }

    /** Sends the edits that wait (latest content per message, oldest waiting message first) unless Slack asked us to wait. */
    public synchronized void flushPending(Instant now) {
        if (now.isBefore(blockedUntil)) {
            return;
        }
        try {
            for (PendingEdit edit : List.copyOf(pendingEdits.values())) {
                if (!editBudget.tryTake(clock.instant())) {
                    return; // the rest waits for the budget; a later flush sends their latest content
                }
                SlackCalls.call("chat.update", () -> client.chatUpdate(r -> r.channel(edit.channel()).ts(edit.ts())
                        .text(edit.message().text()).blocks(edit.message().blocks())));
                lastSent.put(edit.ts(), edit.message());
                pendingEdits.remove(edit.ts());
            }
        } catch (SlackCallException e) {
            if (e.isRateLimited()) {
                blockedUntil = now.plus(e.retryAfter().orElse(Duration.ofSeconds(1)));
                log.warn("Slack rate limit on {}: waiting until {}; only the latest content of each message will be sent",
                        e.method(), blockedUntil);
            } else {
                dropFailed(e);
            }
        }
    }

    /** An edit that Slack refused for good (message deleted, channel archived) is dropped, not retried forever. */
    private void dropFailed(SlackCallException e) {
        if (!pendingEdits.isEmpty()) {
            PendingEdit edit = pendingEdits.values().iterator().next();
            pendingEdits.remove(edit.ts());
            log.error("rollout {}: could not edit message {} in {}: {}", edit.rolloutId(), edit.ts(), edit.channel(), e.error());
        }
    }

    private record PendingEdit(String rolloutId, String channel, String ts, SlackMessage message) {
    }

}

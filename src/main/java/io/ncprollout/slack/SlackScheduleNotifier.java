package io.ncprollout.slack;

import com.slack.api.methods.MethodsClient;
import io.ncprollout.rollout.ScheduleNotifier;
import io.ncprollout.rollout.StartOutcome;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.slack.render.ScheduleMessages;
import io.ncprollout.slack.render.SlackMessage;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ScheduleNotifier} over the Web API, in the requester's language: the reminder with its Cancel button in the
 * run's channel, then its edit once the run ended, and a post mentioning the requester when it ended without its
 * rollout. Never throws: a refused post is logged and answered as not posted, a refused edit or delete only logged.
 */
public final class SlackScheduleNotifier implements ScheduleNotifier {
    private static final Logger log = LoggerFactory.getLogger(SlackScheduleNotifier.class);

    private final MethodsClient client;
    private final ScheduleMessages messages;
    private final SlackUserLocales locales;
    private final Clock clock;

    /** @param clock when a reminder is posted, to word a run scheduled at short notice */
    public SlackScheduleNotifier(MethodsClient client, ScheduleMessages messages, SlackUserLocales locales, Clock clock) {
        this.client = Objects.requireNonNull(client, "client == null");
        this.messages = Objects.requireNonNull(messages, "messages == null");
        this.locales = Objects.requireNonNull(locales, "locales == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public Optional<String> remind(ScheduledRun run) {
        SlackMessage m = messages.reminder(run, clock.instant(), locale(run));
        return post(run, m, "reminder");
    }

    @Override
    public void withdraw(ScheduledRun run, String ts) {
        try {
            SlackCalls.call("chat.delete", () -> client.chatDelete(r -> r.channel(run.channel()).ts(ts)));
        } catch (SlackCallException | RuntimeException e) {
            log.warn("scheduled run {}: its extra reminder {} in {} could not be deleted: {}", run.id(), ts, run.channel(), why(e));
        }
    }

    @Override
    public boolean ended(ScheduledRun run, Optional<StartOutcome> why) {
        Locale locale = locale(run);
        run.reminderTs().ifPresent(ts -> edit(run, ts, messages.reminderEnded(run, why, locale)));
        if (run.state() == ScheduledRun.State.STARTED) {
            return true; // the rollout's own message speaks from here
        }
        return post(run, messages.notStarted(run, why, locale), "ending").isPresent();
    }

    private Locale locale(ScheduledRun run) {
        return locales.of(run.requester());
    }

    private Optional<String> post(ScheduledRun run, SlackMessage m, String what) {
        try {
            return Optional.ofNullable(SlackCalls.call("chat.postMessage",
                    () -> client.chatPostMessage(r -> r.channel(run.channel()).text(m.text()).blocks(m.blocks()))).getTs());
        } catch (SlackCallException | RuntimeException e) {
            log.warn("scheduled run {}: its {} could not be posted in {}: {}", run.id(), what, run.channel(), why(e));
            return Optional.empty();
        }
    }

    private void edit(ScheduledRun run, String ts, SlackMessage m) {
        try {
            SlackCalls.call("chat.update", () -> client.chatUpdate(r -> r.channel(run.channel()).ts(ts).text(m.text()).blocks(m.blocks())));
        } catch (SlackCallException | RuntimeException e) {
            log.warn("scheduled run {}: its reminder {} could not be edited: {}", run.id(), ts, why(e));
        }
    }

    /** Slack's error code, or what else went wrong (the SDK may throw while it reads an answer). */
    private static String why(Exception e) {
        return e instanceof SlackCallException s ? s.error() : e.toString();
    }
}

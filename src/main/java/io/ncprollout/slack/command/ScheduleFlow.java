package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import io.ncprollout.rollout.ScheduleService;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.Refusals;
import io.ncprollout.slack.render.ScheduleMessages;
import io.ncprollout.slack.render.ScheduleTimes;
import io.ncprollout.slack.render.SlackText;
import io.ncprollout.slack.render.StartOutcomeMessages;
import io.ncprollout.slack.render.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the ack of {@code /kafka schedule} and {@code /kafka schedule cancel <id>} (and {@code /opensearch …}): the
 * waiting runs of the command's product that the reader may see (readers only), or the cancel of one run by its
 * requester or an admin (the reminder is edited and the channel told by the notifier). Every answer is ephemeral.
 */
public final class ScheduleFlow {
    private static final Logger log = LoggerFactory.getLogger(ScheduleFlow.class);

    private final ScheduleService schedules;
    private final ScheduleMessages messages;
    private final Gatekeeper gatekeeper;
    private final SlackUserLocales locales;

    public ScheduleFlow(ScheduleService schedules, ScheduleMessages messages, Gatekeeper gatekeeper, SlackUserLocales locales) {
        this.schedules = schedules;
        this.messages = messages;
        this.gatekeeper = gatekeeper;
        this.locales = locales;
    }

    void run(SlashCommandContext ctx, Invocation call) {
        Optional<String> id = call.line().scheduleId();
        if (id.isPresent()) {
            cancel(ctx, call, id.get());
        } else {
            list(ctx, call);
        }
    }

    private void list(SlashCommandContext ctx, Invocation call) {
        Locale locale = locales.of(call.userId());
        if (Denials.told(ctx, call, gatekeeper.mayRead(call.userId(), call.channelId()), locale)) {
            return;
        }
        List<ScheduledRun> waiting;
        try {
            waiting = schedules.pending().stream().filter(r -> r.request().cluster().product() == call.line().product())
                    .filter(r -> r.state().isWaiting()).filter(r -> gatekeeper.canSee(call.userId(), r.channel())).toList();
        } catch (RuntimeException e) {
            log.warn("the scheduled runs could not be read for {}: {}", call.userId(), e.toString());
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + Texts.of(locale).t("flow.storeUnavailable"));
            return;
        }
        SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), messages.list(call.line().product(), waiting, locale));
    }

    private void cancel(SlashCommandContext ctx, Invocation call, String id) {
        Locale locale = locales.of(call.userId());
        Texts t = Texts.of(locale);
        ScheduleService.Result done;
        try {
            done = schedules.cancel(id, call.userId());
        } catch (RuntimeException e) {
            log.warn("scheduled run {}: the cancel by {} failed: {}", id, call.userId(), e.toString());
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + t.t("schedule.cancel.failed"));
            return;
        }
        if (done.refusal().isPresent()) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":no_entry: " + Refusals.of(done.refusal().get(), locale));
            return;
        }
        done.run().ifPresent(run -> SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":white_check_mark: " + t.t("schedule.cancelled",
                StartOutcomeMessages.kindInSentence(run.request().kind(), locale), SlackText.escape(run.request().cluster().name()), ScheduleTimes.both(run.at(), run.zone()))));
    }
}

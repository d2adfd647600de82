package io.ncprollout.slack.render;

import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.UnknownClusterException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Pure: why a request was not done, in the reader's words ({@code refusal.*} in the bundles). Text of users and NCP
 * inside a refusal (a freeze's reason, NCP's precheck message) goes through the caller's {@code data} function: escaped
 * for mrkdwn in chat, left as it is for the audit trail (whose history view escapes it).
 */
public final class Refusals {
    /** How freezes and approval expiries name the time: the reader's zone in Slack, minutes in UTC elsewhere. */
    private static final String DATE = "{date_short_pretty} {time}";

    private Refusals() {
    }

    /** One or two sentences (mrkdwn) saying why {@code refusal} happened and what to do. */
    public static String of(Refusal refusal, Locale locale) {
        Objects.requireNonNull(refusal, "refusal == null");
        return of(Texts.of(locale), refusal, SlackText::escape);
    }

    /** Says that no cluster answers to what the user typed, and what to try: the closest names, or the list command. */
    public static String unknownCluster(UnknownClusterException e, Locale locale) {
        Texts t = Texts.of(locale);
        String none = t.t("lookup.unknownCluster", e.product().displayName(), SlackText.escape(e.query()), e.region());
        String next = e.closest().isEmpty() ? t.t("lookup.unknownCluster.list", e.product().command())
                : t.t("lookup.unknownCluster.didYouMean", String.join(", ", e.closest().stream().map(n -> "`" + SlackText.escape(n) + "`").toList()));
        return none + " " + next;
    }

    static String of(Texts t, Refusal refusal, UnaryOperator<String> data) {
        if (refusal instanceof Refusal.ReadOnly) {
            return t.t("refusal.readOnly");
        } else if (refusal instanceof Refusal.NotGranted r) {
            return t.t("refusal.notGranted", r.kind().product().command() + " " + r.kind().action(), data.apply(r.cluster()));
        } else if (refusal instanceof Refusal.NotAReader) {
            return t.t("refusal.notAReader");
        } else if (refusal instanceof Refusal.ChannelNotRead) {
            return t.t("refusal.channelNotRead");
        } else if (refusal instanceof Refusal.NotAnAdmin) {
            return t.t("refusal.notAnAdmin");
        } else if (refusal instanceof Refusal.Frozen r) {
            String by = SlackText.mention(r.frozenBy());
            String since = SlackText.date(r.since(), DATE);
            return r.cluster().map(c -> t.t("refusal.frozen", data.apply(c), by, since, data.apply(r.reason())))
                    .orElseGet(() -> t.t("refusal.frozenAll", by, since, data.apply(r.reason())));
        } else if (refusal instanceof Refusal.ChannelUnavailable r) {
            return channel(t, r, data);
        }
        return request(t, refusal, data);
    }

    /** The refusals of approvals, duplicates and starts. */
    private static String request(Texts t, Refusal refusal, UnaryOperator<String> data) {
        if (refusal instanceof Refusal.UnknownRequest) {
            return t.t("refusal.unknownRequest");
        } else if (refusal instanceof Refusal.AlreadyDecided r) {
            return t.t("refusal.alreadyDecided", t.t("approval.status." + r.status().name()));
        } else if (refusal instanceof Refusal.RequestExpired) {
            return t.t("refusal.requestExpired");
        } else if (refusal instanceof Refusal.OwnRequest) {
            return t.t("refusal.ownRequest");
        } else if (refusal instanceof Refusal.NotAnApprover) {
            return t.t("refusal.notAnApprover");
        } else if (refusal instanceof Refusal.NotRequesterNorApprover) {
            return t.t("refusal.notRequesterNorApprover");
        } else if (refusal instanceof Refusal.DecidedMeanwhile) {
            return t.t("refusal.decidedMeanwhile");
        } else if (refusal instanceof Refusal.FormAlreadySubmitted) {
            return t.t("refusal.formAlreadySubmitted");
        } else if (refusal instanceof Refusal.AlreadyApproved) {
            return t.t("refusal.alreadyApproved");
        } else if (refusal instanceof Refusal.StoreUnavailable) {
            return t.t("refusal.storeUnavailable");
        } else if (refusal instanceof Refusal.ClaimLost r) {
            return t.t("refusal.claimLost", data.apply(r.cluster()));
        } else if (refusal instanceof Refusal.PrecheckFailed r) {
            return t.t("refusal.precheckFailed", data.apply(r.message()));
        } else if (refusal instanceof Refusal.GateFailed r) {
            return t.t("refusal.gateFailed", data.apply(r.cluster()), GateLines.text(t, r.report(), data));
        } else if (refusal instanceof Refusal.PrecheckNotRun r) {
            return t.t("refusal.precheckNotRun", data.apply(r.error()));
        }
        return schedule(t, refusal, data);
    }

    /** The refusals of times asked with {@code --at} and of cancels. */
    private static String schedule(Texts t, Refusal refusal, UnaryOperator<String> data) {
        if (refusal instanceof Refusal.BadTime r) {
            return r.timing() == io.ncprollout.rollout.schedule.ScheduledTime.Timing.PAST ? t.t("refusal.badTime.past", ScheduleTimes.both(r.when()))
                    : t.t("refusal.badTime.tooFar", ScheduleTimes.both(r.when()), io.ncprollout.rollout.schedule.ScheduledTime.MAX_AHEAD.toDays());
        } else if (refusal instanceof Refusal.OutsideWindow r) {
            String next = r.next().map(o -> t.t("refusal.outsideWindow.next", ScheduleTimes.opening(o), SlackText.date(o.from(), DATE)))
                    .orElseGet(() -> t.t("refusal.outsideWindow.none"));
            return t.t("refusal.outsideWindow", ScheduleTimes.both(r.when()), data.apply(r.cluster())) + " " + next;
        } else if (refusal instanceof Refusal.UnknownSchedule) {
            return t.t("refusal.unknownSchedule");
        } else if (refusal instanceof Refusal.NotYourSchedule) {
            return t.t("refusal.notYourSchedule");
        } else if (refusal instanceof Refusal.ScheduleNotWaiting r) {
            return t.t("refusal.scheduleNotWaiting", t.t("schedule.state." + r.state().name()));
        }
        throw new IllegalArgumentException("no words for " + refusal);
    }

    /** The chat refused to post: what to do depends on Slack's error code. */
    private static String channel(Texts t, Refusal.ChannelUnavailable r, UnaryOperator<String> data) {
        String channel = "<#" + SlackText.escape(r.channel()) + ">";
        return switch (r.error()) {
            case "not_in_channel", "channel_not_found" -> t.t("refusal.channel.notIn", channel);
            case "is_archived" -> t.t("refusal.channel.archived", channel);
            case "ratelimited" -> t.t("refusal.channel.rateLimited");
            default -> t.t("refusal.channel.other", channel, data.apply(r.error()));
        };
    }
}

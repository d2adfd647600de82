package io.ncprollout.slack.command;

import io.ncprollout.rollout.ScheduleService;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.schedule.ScheduledTime;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.ScheduleNote;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The time typed with {@code --at}, read in its zone: the one typed after it, else the requester's Slack time zone,
 * else UTC (and the modal says so). Calls Slack (users.info) at most once per user per cache period: off the ack only.
 */
public final class AskedTimes {
    private final SlackUserLocales locales;
    private final ScheduleService schedules;

    public AskedTimes(SlackUserLocales locales, ScheduleService schedules) {
        this.locales = locales;
        this.schedules = schedules;
    }

    /** The time of {@code typed} for {@code userId}, with where its zone came from; no window yet. */
    Optional<ScheduleNote> read(Optional<AtTime> typed, String userId) {
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        AtTime at = typed.get();
        ScheduleNote.ZoneSource source = at.zone().isPresent() ? ScheduleNote.ZoneSource.TYPED : ScheduleNote.ZoneSource.SLACK;
        Optional<ZoneId> zone = at.zone().or(() -> locales.zoneOf(userId));
        if (zone.isEmpty()) {
            source = ScheduleNote.ZoneSource.FALLBACK_UTC;
        }
        ZoneId chosen = zone.orElse(ZoneId.of("UTC"));
        return Optional.of(new ScheduleNote(new ScheduledTime(at.local().atZone(chosen).toInstant(), chosen), source, Optional.empty()));
    }

    /** Why {@code note}'s time cannot be asked for on {@code cluster} (past, too far, outside its windows); empty when it can. */
    public Optional<Refusal> refusal(ClusterRef cluster, ScheduleNote note) {
        return schedules.refusal(cluster, note.when());
    }

    /** {@code note} with the maintenance window its time falls in on {@code cluster}. */
    public ScheduleNote withWindow(ClusterRef cluster, ScheduleNote note) {
        return new ScheduleNote(note.when(), note.source(), schedules.windowOf(cluster, note.when().at()));
    }
}

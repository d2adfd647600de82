package io.ncprollout.slack.render;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.schedule.Opening;
import io.ncprollout.rollout.schedule.ScheduledTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a confirmation modal says about a time asked with {@code --at}: the time in the zone it was read in and in UTC,
 * where that zone came from, the maintenance window it falls in, and that nothing starts now.
 *
 * @param when   the time
 * @param source where its zone came from
 * @param window the opening of the maintenance window it falls in, when windows govern the cluster
 */
public record ScheduleNote(ScheduledTime when, ZoneSource source, Optional<Opening> window) {
    /** Where the zone of a typed time came from. */
    public enum ZoneSource {
        /** Typed after the time ({@code KST}, {@code UTC}). */
        TYPED,
        /** The requester's Slack time zone. */
        SLACK,
        /** Neither: Slack could not tell, so UTC. */
        FALLBACK_UTC
    }

    public ScheduleNote {
        Objects.requireNonNull(when, "when == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(window, "window == null");
    }

    /** The modal's blocks: the time, then a note on the zone, the window and what happens at the time. */
    List<LayoutBlock> blocks(Texts t) {
        return blocks(t, false);
    }

    /** The same for a fleet ({@code fleet}): its message is posted now, and its first wave starts at the time. */
    List<LayoutBlock> blocks(Texts t, boolean fleet) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":calendar: " + t.t("schedule.modal.when", ScheduleTimes.both(when),
                SlackText.date(when.at(), "{date_short_pretty} {time}"))));
        List<String> notes = new ArrayList<>();
        if (source == ZoneSource.SLACK) {
            notes.add(t.t("schedule.modal.zone.slack", when.zone().getId()));
        } else if (source == ZoneSource.FALLBACK_UTC) {
            notes.add(":warning: " + t.t("schedule.modal.zone.fallback"));
        }
        window.ifPresent(o -> notes.add(t.t("schedule.modal.window", ScheduleTimes.opening(o))));
        notes.add(t.t(fleet ? "schedule.modal.then.fleet" : "schedule.modal.then"));
        blocks.add(SlackText.note(String.join("\n", notes)));
        return blocks;
    }
}

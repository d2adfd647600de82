package io.ncprollout.slack.home;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.ncprollout.rollout.FleetService;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.ScheduleService;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.HomeViews;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab: on {@code app_home_opened}, publishes the running and latest fleets, the active operations (with links to their threads),
 * the runs scheduled for later and the last 20 finished operations for the user who opened it — only those of channels
 * the read rule lets that user read; the others are counted as hidden, never shown.
 */
public final class AppHomeHandler implements BoltEventHandler<AppHomeOpenedEvent> {
    /**
     * What the tab shows.
     *
     * @param operations the operations, running and finished
     * @param fleets     the fleets
     * @param schedules  the runs scheduled for later
     */
    public record Sources(RolloutService operations, FleetService fleets, ScheduleService schedules) {
        public Sources {
            Objects.requireNonNull(operations, "operations == null");
            Objects.requireNonNull(fleets, "fleets == null");
            Objects.requireNonNull(schedules, "schedules == null");
        }
    }

    static final int RECENT = 20;
    static final int RECENT_FLEETS = 5;
    private static final Logger log = LoggerFactory.getLogger(AppHomeHandler.class);

    private final Executor work;
    private final RolloutService service;
    private final FleetService fleets;
    private final ScheduleService schedules;
    private final Gatekeeper gatekeeper;
    private final boolean simulated;
    private final SlackUserLocales locales;
    private volatile @Nullable String workspaceUrl;

    public AppHomeHandler(Executor work, Sources sources, Gatekeeper gatekeeper, boolean simulated, SlackUserLocales locales) {
        this.work = work;
        this.service = sources.operations();
        this.fleets = sources.fleets();
        this.schedules = sources.schedules();
        this.gatekeeper = gatekeeper;
        this.simulated = simulated;
        this.locales = locales;
    }

    @Override
    public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (event != null && "home".equals(event.getTab()) && event.getUser() != null) {
            String user = event.getUser();
            work.execute(() -> publish(ctx.client(), user));
        }
        return ctx.ack();
    }

    private void publish(MethodsClient client, String user) {
        try {
            List<TrackedRollout> active = service.active();
            List<TrackedRollout> recent = service.recent(RECENT);
            List<TrackedRollout> readableActive = readable(active, user);
            List<TrackedRollout> readableRecent = readable(recent, user);
            List<ScheduledRun> waiting = schedules.pending().stream().filter(r -> r.state().isWaiting()).toList();
            List<ScheduledRun> readableWaiting = waiting.stream().filter(r -> gatekeeper.canSee(user, r.channel())).toList();
            int hidden = active.size() - readableActive.size() + recent.size() - readableRecent.size() + waiting.size() - readableWaiting.size();
            List<Fleet> readableFleets = java.util.stream.Stream.concat(fleets.active().stream(), fleets.recent(RECENT_FLEETS).stream())
                    .filter(f -> gatekeeper.canSee(user, f.spec().channel())).toList();
            SlackCallGuard.viewsPublish(client, user, HomeViews.home(readableActive, readableRecent, readableFleets, readableWaiting, hidden,
                    workspaceUrl(client), simulated, locales.of(user)));
        } catch (RuntimeException e) {
            log.warn("the Home tab of {} was not published: {}", user, e.toString());
        }
    }

    private List<TrackedRollout> readable(List<TrackedRollout> rollouts, String user) {
        return rollouts.stream().filter(r -> gatekeeper.canSee(user, r.thread().channel())).toList();
    }

    /** The workspace's URL (from auth.test), for links to threads; asked until Slack answers, then kept. */
    private String workspaceUrl(MethodsClient client) {
        String known = workspaceUrl;
        if (known != null) {
            return known;
        }
        Optional<String> asked = SlackCallGuard.workspaceUrl(client);
        asked.ifPresent(url -> workspaceUrl = url);
        return asked.orElse("https://slack.com/");
    }
}

package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.FleetService;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.fleet.FleetSpec;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.tracking.StoreUnavailableException;
import io.ncprollout.slack.FleetMetadata;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.FleetMessages;
import io.ncprollout.slack.render.ScheduleNote;
import io.ncprollout.slack.render.SlackMessage;
import io.ncprollout.slack.render.Texts;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the ack of a fleet command ({@code /kafka restart orders-* --wave 2}): open the loading modal at once, then
 * plan (select, order, check every cluster) and show the plan with its confirmation, or why it cannot run. Also
 * {@code /kafka fleets}.
 */
public final class FleetFlow {
    private static final Logger log = LoggerFactory.getLogger(FleetFlow.class);
    private static final int RECENT = 10;

    private final FleetService fleets;
    private final FleetMessages messages;
    private final ConfirmationViews views;
    private final Gatekeeper gatekeeper;
    private final SlackUserLocales locales;
    private final AskedTimes times;

    public FleetFlow(FleetService fleets, FleetMessages messages, ConfirmationViews views, Gatekeeper gatekeeper, SlackUserLocales locales,
            AskedTimes times) {
        this.times = times;
        this.fleets = fleets;
        this.messages = messages;
        this.views = views;
        this.gatekeeper = gatekeeper;
        this.locales = locales;
    }

    /** True when the command is about a fleet: a pattern, a list, {@code --all}, a configured list, or a pace option. */
    boolean isFleet(Invocation call) {
        return call.line().fleetOptions() || fleets.isFleet(call.cluster());
    }

    void open(SlashCommandContext ctx, Invocation call, OperationKind kind) {
        LoadingModal.open(ctx, call, kind, views, locales)
                .ifPresent(opened -> SlackCallGuard.viewsUpdate(ctx.client(), opened.viewId(), opened.hash(), plan(call, kind, opened.locale())));
    }

    private View plan(Invocation call, OperationKind kind, Locale locale) {
        Texts t = Texts.of(locale);
        if (kind.isVersioned() && call.line().version().isEmpty()) {
            return views.failed(t.t("fleet.plan.title"), t.t("fleet.plan.needsVersion", kind.product().command(), call.cluster()), ConfirmationViews.Why.RERUN,
                    locale);
        }
        int wave = call.line().wave().orElse(1);
        Duration pause = call.line().pause().orElse(Duration.ZERO);
        FleetService.Draft draft;
        try {
            draft = fleets.plan(kind, call.cluster(), call.region(), call.userId(), call.channelId(), call.line().version(), call.line().configGroup());
        } catch (OperationsException e) {
            log.warn("fleet plan of {} failed: {} {}", call.cluster(), e.reason(), e.getMessage());
            return views.failed(t.t("title.precheckNotRun"), e.getMessage(), ConfirmationViews.Why.TRANSIENT, locale);
        } catch (StoreUnavailableException e) {
            log.warn("fleet plan of {}: the store is unavailable: {}", call.cluster(), e.getMessage());
            return views.failed(t.t("title.notStarted"), t.t("flow.storeUnavailable"), ConfirmationViews.Why.TRANSIENT, locale);
        }
        String title = t.t("fleet.plan.title");
        if (!draft.unknown().isEmpty()) {
            return views.failed(title, t.t("fleet.plan.unknown", String.join(", ", draft.unknown()), call.region()), ConfirmationViews.Why.UNKNOWN_CLUSTER, locale);
        }
        if (draft.members().isEmpty()) {
            return views.failed(title, t.t("fleet.plan.noMatch", call.cluster(), call.region()), ConfirmationViews.Why.UNKNOWN_CLUSTER, locale);
        }
        if (draft.members().size() > FleetSpec.MAX_CLUSTERS) {
            return views.failed(title, t.t("fleet.plan.tooMany", draft.members().size(), FleetSpec.MAX_CLUSTERS), ConfirmationViews.Why.RERUN, locale);
        }
        if (!draft.notAllowed().isEmpty()) {
            return views.failed(t.t("title.notAllowed"), t.t("fleet.plan.notAllowed", String.join(", ", draft.notAllowed())),
                    ConfirmationViews.Why.NOT_ALLOWED, locale);
        }
        Optional<ScheduleNote> when = times.read(call.line().at(), call.userId());
        if (when.isPresent()) {
            // the time, then every cluster that will run against its maintenance windows at that time
            Optional<io.ncprollout.rollout.access.Refusal> bad = draft.members().stream().filter(m -> m.skip().isEmpty())
                    .map(m -> times.refusal(m.cluster(), when.get())).flatMap(Optional::stream).findFirst();
            if (bad.isPresent()) {
                return views.failed(t.t("title.notScheduled"), bad.get(), ConfirmationViews.Why.RERUN, locale);
            }
        }
        FleetMetadata metadata = new FleetMetadata(kind, call.region(), call.cluster(), call.channelId(), wave, pause, call.line().version(), draft.members(),
                when);
        String encoded = metadata.encode();
        if (encoded.length() > ConfirmationViews.PRIVATE_METADATA_MAX) {
            return views.failed(title, t.t("fleet.plan.tooMany", draft.members().size(), FleetSpec.MAX_CLUSTERS), ConfirmationViews.Why.RERUN, locale);
        }
        return messages.plan(new FleetMessages.Proposal(kind, call.region(), call.cluster(), wave, pause, call.line().version(), when), draft, encoded,
                locale);
    }

    /** {@code /kafka fleets}: the running and the latest fleets, to the reader only. */
    void list(SlashCommandContext ctx, Invocation call) {
        Locale locale = locales.of(call.userId());
        if (Denials.told(ctx, call, gatekeeper.mayRead(call.userId(), call.channelId()), locale)) {
            return;
        }
        SlackMessage list;
        try {
            list = messages.list(fleets.active(), fleets.recent(RECENT), locale);
        } catch (StoreUnavailableException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + Texts.of(locale).t("flow.storeUnavailable"));
            return;
        }
        SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), list);
    }
}

package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Freeze;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.UnknownClusterException;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.HistoryMessages;
import io.ncprollout.slack.render.Refusals;
import io.ncprollout.slack.render.Texts;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * After the ack of {@code history}, {@code freeze}, {@code unfreeze} and {@code abandon}: the audit trail (readers),
 * freezes and abandoning a stuck operation (admins). Every answer is ephemeral; every change is audited.
 */
public final class AdminFlow {
    static final int HISTORY = 25;
    static final String ALL = "all";

    private final RolloutService service;
    private final Gatekeeper gatekeeper;
    private final Clock clock;
    private final SlackUserLocales locales;

    public AdminFlow(RolloutService service, Gatekeeper gatekeeper, Clock clock, SlackUserLocales locales) {
        this.service = service;
        this.gatekeeper = gatekeeper;
        this.clock = clock;
        this.locales = locales;
    }

    void history(SlashCommandContext ctx, Invocation call) {
        if (denied(ctx, call, gatekeeper.mayRead(call.userId(), call.channelId()))) {
            return;
        }
        Locale locale = locales.of(call.userId());
        try {
            Optional<ClusterRef> cluster = call.cluster().isEmpty() ? Optional.empty()
                    : Optional.of(service.resolve(call.line().product(), call.cluster(), call.region()));
            List<AuditEvent> events = gatekeeper.audit().latest(cluster, HISTORY);
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(),
                    HistoryMessages.history(cluster.map(ClusterRef::name).orElse(HistoryMessages.allClusters(locale)), events, locale));
        } catch (UnknownClusterException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":mag: " + Refusals.unknownCluster(e, locale));
        } catch (OperationsException | RuntimeException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + Texts.of(locale).t("flow.historyNotRead", why(e)));
        }
    }

    void freeze(SlashCommandContext ctx, Invocation call, boolean freeze) {
        if (denied(ctx, call, gatekeeper.mayAdmin(call.userId()))) {
            return;
        }
        Locale locale = locales.of(call.userId());
        Texts t = Texts.of(locale);
        try {
            Optional<ClusterRef> cluster = call.cluster().equalsIgnoreCase(ALL) ? Optional.empty()
                    : Optional.of(service.resolve(call.line().product(), call.cluster(), call.region()));
            String scope = cluster.map(ClusterRef::name).orElse(HistoryMessages.allClusters(locale));
            if (freeze) {
                String reason = call.line().reason().orElse("");
                gatekeeper.freezes().freeze(new Freeze(cluster, reason, call.userId(), clock.instant()));
                gatekeeper.record(call.userId(), "freeze", cluster, "frozen", reason);
                SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":ice_cube: "
                        + t.t("flow.froze", scope, call.line().product().command(), call.cluster()));
            } else {
                boolean lifted = gatekeeper.freezes().unfreeze(cluster.map(Freeze::keyOf).orElse(ALL));
                gatekeeper.record(call.userId(), "unfreeze", cluster, lifted ? "unfrozen" : "was not frozen", "");
                SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), lifted ? ":sunny: " + t.t("flow.unfroze", scope)
                        : t.t("flow.notFrozen", scope, HistoryMessages.freezes(gatekeeper.freezes().all(), locale).text()));
            }
        } catch (UnknownClusterException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":mag: " + Refusals.unknownCluster(e, locale));
        } catch (OperationsException | RuntimeException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + t.t("flow.freezeNotChanged", why(e)));
        }
    }

    /**
     * {@code abandon <cluster> <reason>}, admins only: the bot stops tracking the operation on that cluster (a claim
     * stuck by a crash, an operation finished out of band) and frees it; the thread says so; audited. The cluster is
     * found among the unfinished operations by name or number, so this works while NCP cannot be reached.
     */
    void abandon(SlashCommandContext ctx, Invocation call) {
        if (denied(ctx, call, gatekeeper.mayAdmin(call.userId()))) {
            return;
        }
        Texts t = Texts.of(locales.of(call.userId()));
        try {
            Optional<TrackedRollout> running = service.active().stream()
                    .filter(r -> r.rollout().request().cluster().product() == call.line().product())
                    .filter(r -> r.rollout().request().cluster().name().equalsIgnoreCase(call.cluster())
                            || r.rollout().request().cluster().number().equals(call.cluster()))
                    .findFirst();
            if (running.isEmpty()) {
                SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), t.t("flow.nothingToAbandon", call.cluster()));
                return;
            }
            ClusterRef cluster = running.get().rollout().request().cluster();
            Optional<TrackedRollout> abandoned = service.abandon(cluster, call.userId(), call.line().reason().orElse(""));
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), abandoned.isPresent()
                    ? ":wastebasket: " + t.t("flow.abandoned", cluster.name())
                    : t.t("flow.nothingToAbandon", call.cluster()));
        } catch (RuntimeException e) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + t.t("flow.abandonFailed", why(e)));
        }
    }

    private boolean denied(SlashCommandContext ctx, Invocation call, AccessPolicy.Decision decision) {
        return Denials.told(ctx, call, decision, locales.of(call.userId()));
    }

    /** What went wrong, for the user: the exception's message, or its kind when it has none. */
    private static String why(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}

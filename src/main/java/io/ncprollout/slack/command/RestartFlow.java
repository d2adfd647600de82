package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.UnknownClusterException;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.PrecheckReport;
import io.ncprollout.slack.ModalMetadata;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.Refusals;
import io.ncprollout.slack.render.ScheduleNote;
import io.ncprollout.slack.render.Texts;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the ack of a command that starts an operation without a version ({@code /kafka restart}): open the
 * "running precheck" modal with the trigger at once, then find the cluster, read its nodes and run NCP's precheck,
 * and update the modal with the result, the confirmation form of the kind. With {@code --at}, the time is read in
 * its zone and checked (not past, not too far, within the cluster's maintenance windows) before the precheck: a time
 * that cannot be scheduled is the modal's answer, with the next window. Runs on our executor; every failure ends
 * in a modal or ephemeral message that says what to do.
 */
public final class RestartFlow {
    private static final Logger log = LoggerFactory.getLogger(RestartFlow.class);

    private final RolloutService service;
    private final ConfirmationViews views;
    private final Gatekeeper gatekeeper;
    private final SlackUserLocales locales;
    private final AskedTimes times;

    public RestartFlow(RolloutService service, ConfirmationViews views, Gatekeeper gatekeeper, SlackUserLocales locales, AskedTimes times) {
        this.service = service;
        this.times = times;
        this.views = views;
        this.gatekeeper = gatekeeper;
        this.locales = locales;
    }

    void open(SlashCommandContext ctx, Invocation call, OperationKind kind) {
        MethodsClient client = ctx.client();
        Optional<LoadingModal.Opened> opened = LoadingModal.open(ctx, call, kind, views, locales);
        if (opened.isEmpty()) {
            return;
        }
        Locale locale = opened.get().locale();
        Texts t = Texts.of(locale);
        String viewId = opened.get().viewId();
        String hash = opened.get().hash();
        View next;
        try {
            ClusterRef cluster = service.resolve(call.line().product(), call.cluster(), call.region());
            AccessPolicy.Decision allowed = gatekeeper.mayStart(call.userId(), kind, cluster, call.channelId());
            if (!allowed.allowed()) {
                SlackCallGuard.viewsUpdate(client, viewId, hash, views.failed(t.t("title.notAllowed"), allowed.reason(), ConfirmationViews.Why.NOT_ALLOWED, locale));
                return;
            }
            Optional<ScheduleNote> asked = times.read(call.line().at(), call.userId()).map(n -> times.withWindow(cluster, n));
            Optional<Refusal> badTime = asked.flatMap(n -> times.refusal(cluster, n));
            if (badTime.isPresent()) {
                SlackCallGuard.viewsUpdate(client, viewId, hash, views.failed(t.t("title.notScheduled"), badTime.get(), ConfirmationViews.Why.RERUN, locale));
                return;
            }
            OperationTarget target = OperationTarget.of(kind, cluster);
            PrecheckReport report = service.precheck(target);
            String metadata = ModalMetadata.of(target, call.channelId(), call.responseUrl(), asked).encode();
            next = views.confirm(report, gatekeeper.policy().canAdmin(call.userId()).allowed(), asked, metadata, locale);
        } catch (UnknownClusterException e) {
            // said once, in the modal the user is looking at
            next = views.failed(t.t("title.unknownCluster"), Refusals.unknownCluster(e, locale), ConfirmationViews.Why.UNKNOWN_CLUSTER, locale);
        } catch (OperationsException e) {
            log.warn("precheck of {} failed: {} {}", call.cluster(), e.reason(), e.getMessage());
            next = views.failed(t.t("title.precheckNotRun"), e.getMessage(), ConfirmationViews.Why.TRANSIENT, locale);
        }
        SlackCallGuard.viewsUpdate(client, viewId, hash, next);
    }
}

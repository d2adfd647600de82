package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.AccessPolicy;
import io.ncprollout.rollout.ClusterRef;
import io.ncprollout.rollout.Gatekeeper;
import io.ncprollout.rollout.ConfigGroupChoice;
import io.ncprollout.rollout.OperationKind;
import io.ncprollout.rollout.OperationTarget;
import io.ncprollout.rollout.OperationsException;
import io.ncprollout.rollout.Precheck;
import io.ncprollout.rollout.PrecheckReport;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.Service;
import io.ncprollout.rollout.UnknownClusterException;
import io.ncprollout.rollout.UpgradeOptions;
import io.ncprollout.rollout.VersionChoice;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.UpgradeForm;
import io.ncprollout.slack.render.UpgradeViews;
import io.ncprollout.slack.view.ModalMetadata;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The upgrade modal of {@code /kafka upgrade} and {@code /opensearch upgrade}: open it with the trigger at
 * once, then offer the newer versions (and, for Kafka, the config groups of the chosen version), run NCP's
 * precheck for the chosen pair and show its answer. The same {@link #form} is rebuilt whenever the user picks
 * another version or group, and when a submission asks to run the precheck again.
 */
public final class UpgradeFlow {
    private final RolloutService service;
    private final UpgradeViews views;
    private final ConfirmationViews basic;
    private final Gatekeeper gatekeeper;

    public UpgradeFlow(RolloutService service, UpgradeViews views, ConfirmationViews basic, Gatekeeper gatekeeper) {
        this.service = service;
        this.views = views;
        this.basic = basic;
        this.gatekeeper = gatekeeper;
    }

    void open(SlashCommandContext ctx, Invocation call) {
        OperationKind kind = call.line().service() == Service.KAFKA ? OperationKind.KAFKA_UPGRADE : OperationKind.OPENSEARCH_UPGRADE;
        MethodsClient client = ctx.client();
        ViewsOpenResponse opened = SlackCallGuard.viewsOpen(client, call.triggerId(), basic.loading(call.cluster(), kind));
        if (opened == null) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: I couldn't open the upgrade form (Slack refused it). Please run the command again.");
            return;
        }
        View next;
        try {
            ClusterRef cluster = service.resolve(call.line().service(), call.cluster(), call.region());
            AccessPolicy.Decision allowed = gatekeeper.mayStart(call.userId(), kind, cluster, call.channelId());
            next = !allowed.allowed() ? basic.failed("Not allowed", allowed.reason()) : form(kind, cluster, call.line().version(), Optional.empty(), call.channelId(), call.responseUrl());
        } catch (UnknownClusterException e) {
            next = basic.failed("Unknown cluster", e.getMessage());
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":mag: " + e.getMessage());
        } catch (OperationsException e) {
            next = basic.failed("Cluster not read", "Could not read the clusters in " + call.region() + ": " + e.getMessage());
        }
        SlackCallGuard.viewsUpdate(client, opened.getView().getId(), opened.getView().getHash(), next);
    }

    /**
     * The upgrade form for the typed or chosen version (default: the newest offered) and config group
     * (default: the version's first), with NCP's precheck of that pair. Never throws: a failure is a view that says it.
     */
    public View form(OperationKind kind, ClusterRef cluster, Optional<String> version, Optional<String> group, String channel,
            String responseUrl) {
        try {
            UpgradeOptions options = service.upgradeOptions(cluster);
            if (options.newer().isEmpty()) {
                return render(kind, new UpgradeForm(cluster, service.inspect(kind, cluster), options, Optional.empty(), List.of(),
                        Optional.empty(), Optional.empty(), ""));
            }
            Optional<VersionChoice> chosen = version.isPresent() ? options.find(version.get())
                    : Optional.of(options.newer().get(options.newer().size() - 1));
            if (chosen.isEmpty()) {
                return basic.failed("Version not offered", "`" + version.get() + "` is not a version " + cluster.name() + " can be upgraded to from "
                        + options.current().name() + ". Offered: " + options.newer().stream().map(VersionChoice::name).collect(Collectors.joining(", ")) + ".");
            }
            VersionChoice target = chosen.get();
            List<ConfigGroupChoice> groups = kind == OperationKind.KAFKA_UPGRADE ? service.configGroups(cluster, target.code()) : List.of();
            Optional<ConfigGroupChoice> pickedGroup = group.flatMap(g -> groups.stream().filter(c -> c.number().equals(g)).findFirst())
                    .or(() -> groups.stream().findFirst());
            if (kind == OperationKind.KAFKA_UPGRADE && pickedGroup.isEmpty()) {
                Precheck none = new Precheck(false, "NCP lists no config group for " + target.name()
                        + "; create one for that version in the NCP console, then choose the version again.");
                String metadata = new ModalMetadata(kind.name(), cluster.number(), cluster.name(), cluster.region(), channel, responseUrl,
                        target.code(), null).encode();
                return render(kind, new UpgradeForm(cluster, service.inspect(kind, cluster), options, chosen, groups, Optional.empty(),
                        Optional.of(none), metadata));
            }
            OperationTarget operation = new OperationTarget(kind, cluster, Optional.of(target.code()), pickedGroup.map(ConfigGroupChoice::number));
            PrecheckReport report = service.precheck(operation);
            String metadata = ModalMetadata.of(operation, channel, responseUrl).encode();
            return render(kind, new UpgradeForm(cluster, report.current(), options, chosen, groups, pickedGroup,
                    Optional.of(report.precheck()), metadata));
        } catch (OperationsException e) {
            return basic.failed("Precheck not run", e.getMessage());
        }
    }

    private View render(OperationKind kind, UpgradeForm form) {
        return kind == OperationKind.KAFKA_UPGRADE ? views.kafkaUpgrade(form) : views.openSearchUpgrade(form);
    }
}

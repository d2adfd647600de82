package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.UnknownClusterException;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.PrecheckReport;
import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import io.ncprollout.slack.ModalMetadata;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.Refusals;
import io.ncprollout.slack.render.ScheduleNote;
import io.ncprollout.slack.render.Texts;
import io.ncprollout.slack.render.UpgradeForm;
import io.ncprollout.slack.render.UpgradeViews;
import java.util.List;
import java.util.Locale;
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
    private final SlackUserLocales locales;
    private final AskedTimes times;

    public UpgradeFlow(RolloutService service, UpgradeViews views, ConfirmationViews basic, Gatekeeper gatekeeper, SlackUserLocales locales,
            AskedTimes times) {
        this.service = service;
        this.times = times;
        this.views = views;
        this.basic = basic;
        this.gatekeeper = gatekeeper;
        this.locales = locales;
    }

    void open(SlashCommandContext ctx, Invocation call, OperationKind kind) {
        MethodsClient client = ctx.client();
        // the trigger expires 3 s after the command: open the modal before anything that may call Slack, in the
        // user's language if it is cached (else English for this brief view), then look the language up
        ViewsOpenResponse opened = SlackCallGuard.viewsOpen(client, call.triggerId(), basic.loading(call.cluster(), kind, locales.ifKnown(call.userId())));
        Locale locale = locales.of(call.userId());
        Texts t = Texts.of(locale);
        if (opened == null) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + t.t("flow.upgradeModalRefused"));
            return;
        }
        View next;
        try {
            ClusterRef cluster = service.resolve(call.line().product(), call.cluster(), call.region());
            AccessPolicy.Decision allowed = gatekeeper.mayStart(call.userId(), kind, cluster, call.channelId());
            Optional<ScheduleNote> asked = times.read(call.line().at(), call.userId());
            Optional<Refusal> badTime = asked.flatMap(n -> times.refusal(cluster, n));
            next = !allowed.allowed() ? basic.failed(t.t("title.notAllowed"), allowed.reason(), ConfirmationViews.Why.NOT_ALLOWED, locale)
                    : badTime.isPresent() ? basic.failed(t.t("title.notScheduled"), badTime.get(), ConfirmationViews.Why.RERUN, locale)
                    : form(kind, cluster, call.line().version(), Optional.empty(), new Asker(call.channelId(), call.responseUrl(), call.userId(), asked));
        } catch (UnknownClusterException e) {
            // said once, in the modal the user is looking at
            next = basic.failed(t.t("title.unknownCluster"), Refusals.unknownCluster(e, locale), ConfirmationViews.Why.UNKNOWN_CLUSTER, locale);
        } catch (OperationsException e) {
            next = basic.failed(t.t("title.clusterNotRead"), t.t("flow.clustersNotRead", call.region(), e.getMessage()),
                    ConfirmationViews.Why.TRANSIENT, locale);
        }
        SlackCallGuard.viewsUpdate(client, opened.getView().getId(), opened.getView().getHash(), next);
    }

    /**
     * The upgrade form for the typed or chosen version (default: the newest offered) and config group
     * (default: the version's first), with NCP's precheck of that pair, in the language of {@code userId} (the one
     * who sees the modal; may call Slack once to learn it). Never throws: a failure is a view that says it.
     */
    public View form(OperationKind kind, ClusterRef cluster, Optional<String> version, Optional<String> group, Asker asker) {
        String channel = asker.channel();
        String responseUrl = asker.responseUrl();
        String userId = asker.userId();
        Optional<ScheduleNote> asked = asker.when().map(n -> times.withWindow(cluster, n));
        Locale locale = locales.of(userId);
        Texts t = Texts.of(locale);
        try {
            UpgradeOptions options = service.upgradeOptions(cluster);
            if (options.newer().isEmpty()) {
                return render(kind, new UpgradeForm(cluster, service.inspect(kind, cluster), options, Optional.empty(), List.of(),
                        Optional.empty(), Optional.empty(), ""), locale);
            }
            Optional<VersionChoice> chosen = version.isPresent() ? options.find(version.get())
                    : Optional.of(options.newer().get(options.newer().size() - 1));
            if (chosen.isEmpty()) {
                return basic.failed(t.t("title.versionNotOffered"), t.t("flow.versionNotOffered", version.get(), cluster.name(),
                        options.current().name(), options.newer().stream().map(VersionChoice::name).collect(Collectors.joining(", "))),
                        ConfirmationViews.Why.RERUN, locale);
            }
            VersionChoice target = chosen.get();
            List<ConfigGroupChoice> groups = kind.needsConfigGroup() ? service.configGroups(cluster, target.code()) : List.of();
            Optional<ConfigGroupChoice> pickedGroup = group.flatMap(g -> groups.stream().filter(c -> c.number().equals(g)).findFirst())
                    .or(() -> groups.stream().findFirst());
            if (kind.needsConfigGroup() && pickedGroup.isEmpty()) {
                Precheck none = new Precheck(false, t.t("flow.noConfigGroup", target.name()));
                String metadata = ModalMetadata.of(new OperationTarget(kind, cluster, Optional.of(target.code()), Optional.empty()), channel,
                        responseUrl, asked).encode();
                return render(kind, new UpgradeForm(cluster, service.inspect(kind, cluster), options, chosen, groups, Optional.empty(),
                        Optional.of(none), metadata), locale);
            }
            OperationTarget operation = new OperationTarget(kind, cluster, Optional.of(target.code()), pickedGroup.map(ConfigGroupChoice::number));
            PrecheckReport report = service.precheck(operation);
            String metadata = ModalMetadata.of(operation, channel, responseUrl, asked).encode();
            return render(kind, new UpgradeForm(cluster, report.current(), options, chosen, groups, pickedGroup,
                    Optional.of(report.precheck()), metadata, report.gate(), gatekeeper.policy().canAdmin(userId).allowed(), asked), locale);
        } catch (OperationsException e) {
            return basic.failed(t.t("title.precheckNotRun"), e.getMessage(), ConfirmationViews.Why.TRANSIENT, locale);
        }
    }

    /**
     * Who sees the upgrade form and where it reports: the channel, the command's response URL, the user, and the time
     * asked with {@code --at} (empty to start on confirmation).
     *
     * @param channel     where the command was typed
     * @param responseUrl the command's response URL ("" when unknown)
     * @param userId      the user who sees the modal
     * @param when        the time asked, without its window (added here)
     */
    public record Asker(String channel, String responseUrl, String userId, Optional<ScheduleNote> when) {
    }

    private View render(OperationKind kind, UpgradeForm form, Locale locale) {
        return kind == OperationKind.KAFKA_UPGRADE ? views.kafkaUpgrade(form, locale) : views.openSearchUpgrade(form, locale);
    }
}

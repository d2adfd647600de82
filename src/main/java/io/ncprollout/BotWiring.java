package io.ncprollout;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.util.http.SlackHttpClient;
import io.ncprollout.config.BotConfig;
import io.ncprollout.config.RolloutConfigFile;
import io.ncprollout.health.ConfiguredHealthGate;
import io.ncprollout.ncp.NcpOperationsGateway;
import io.ncprollout.ops.HealthCheck;
import io.ncprollout.ops.Metrics;
import io.ncprollout.ops.PollListeners;
import io.ncprollout.ops.PollerHeartbeat;
import io.ncprollout.ops.SlackLink;
import io.ncprollout.rollout.ApprovalService;
import io.ncprollout.rollout.CatchUpFollower;
import io.ncprollout.rollout.FleetRunner;
import io.ncprollout.rollout.FleetService;
import io.ncprollout.rollout.Housekeeping;
import io.ncprollout.rollout.Journal;
import io.ncprollout.rollout.PollCompanion;
import io.ncprollout.rollout.RolloutPoller;
import io.ncprollout.rollout.RolloutService;
import io.ncprollout.rollout.ScheduleNotifier;
import io.ncprollout.rollout.ScheduleRunner;
import io.ncprollout.rollout.ScheduleService;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Gatekeeper;
import io.ncprollout.rollout.audit.Retention;
import io.ncprollout.rollout.fleet.FleetPlan;
import io.ncprollout.rollout.health.HealthGate;
import io.ncprollout.rollout.operation.Platform;
import io.ncprollout.rollout.operation.VersionNames;
import io.ncprollout.rollout.outbox.OutboxSender;
import io.ncprollout.rollout.tracking.PollSchedule;
import io.ncprollout.rollout.tracking.Replica;
import io.ncprollout.rollout.tracking.RolloutStore;
import io.ncprollout.rollout.tracking.RolloutTransitions;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.rollout.tracking.TrackerSettings;
import io.ncprollout.slack.EditBudget;
import io.ncprollout.slack.PastRuns;
import io.ncprollout.slack.SlackApprovalNotifier;
import io.ncprollout.slack.SlackBoltApp;
import io.ncprollout.slack.SlackCallInterceptor;
import io.ncprollout.slack.SlackFleetNotifier;
import io.ncprollout.slack.SlackListeners;
import io.ncprollout.slack.SlackProgressNotifier;
import io.ncprollout.slack.SlackScheduleNotifier;
import io.ncprollout.slack.SlackUserGroups;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.action.ApprovalActionHandler;
import io.ncprollout.slack.action.CmakRestartActionHandler;
import io.ncprollout.slack.action.FleetButtonsHandler;
import io.ncprollout.slack.action.ProgressButtonsHandler;
import io.ncprollout.slack.action.ScheduleButtonsHandler;
import io.ncprollout.slack.action.UpgradeSelectionHandler;
import io.ncprollout.slack.command.AdminFlow;
import io.ncprollout.slack.command.AskedTimes;
import io.ncprollout.slack.command.CmakFlow;
import io.ncprollout.slack.command.CommandDefaults;
import io.ncprollout.slack.command.CommandFlows;
import io.ncprollout.slack.command.FleetFlow;
import io.ncprollout.slack.command.ListFlow;
import io.ncprollout.slack.command.RestartFlow;
import io.ncprollout.slack.command.RolloutCommandHandler;
import io.ncprollout.slack.command.ScheduleFlow;
import io.ncprollout.slack.command.StatusFlow;
import io.ncprollout.slack.command.UpgradeFlow;
import io.ncprollout.slack.home.AppHomeHandler;
import io.ncprollout.slack.render.ApprovalMessages;
import io.ncprollout.slack.render.BundleAuditWording;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.FleetMessages;
import io.ncprollout.slack.render.ProgressMessages;
import io.ncprollout.slack.render.ScheduleMessages;
import io.ncprollout.slack.render.UpgradeViews;
import io.ncprollout.slack.view.ConfirmSubmissionHandler;
import io.ncprollout.slack.view.FleetSubmissionHandler;
import io.ncprollout.store.CachedClusterDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * The composition root: builds every object of the bot from the configuration. Wiring only, no logic
 * (STYLE.md §7.3); threads and transports are started by {@link Bot}.
 */
public final class BotWiring {
    /** How long a cluster list is reused to resolve names; a name not found reloads it at once. */
    static final Duration CLUSTER_LIST_TTL = Duration.ofMinutes(1);
    /** How long user group membership is reused for permission checks. */
    static final Duration USER_GROUPS_TTL = Duration.ofMinutes(5);
    /** How long a user's Slack language is reused before users.info is asked again. */
    static final Duration USER_LOCALES_TTL = Duration.ofMinutes(30);

    /** The poller ticks every second at most; a minute without a cycle means it is stuck or dead. */
    static final Duration POLLER_STALE_AFTER = Duration.ofMinutes(1);

    private BotWiring() {
    }

    /**
     * Builds the bot around an already opened NCP backend.
     *
     * @param config the validated configuration; its Slack part must be configured
     * @param clock  the clock of every decision
     * @param ncp    the NCP API or the embedded simulator
     * @param storage where rollouts and the audit trail are kept
     * @param work   runs interaction follow-ups (prechecks, starts) off the thread that answers Slack
     */
    public static Bot build(BotConfig config, Clock clock, NcpBackend ncp, Storage storage, Executor work) {
        String botToken = config.slack().botToken().orElseThrow(() -> new IllegalArgumentException("SLACK_BOT_TOKEN is not set"));
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slack().apiUrl());
        // the SDK's own call statistics resolve the team with an extra auth.test per client, logging a stack trace each
        // time Slack cannot be reached; the bot counts its calls itself (SlackCallInterceptor)
        slackConfig.setStatsEnabled(false);
        Metrics metrics = new Metrics();
        SlackLink slackLink = new SlackLink();
        ncp.clients().setCallListener(metrics.ncpCalls());
        Slack slack = Slack.getInstance(slackConfig, new SlackHttpClient(SlackHttpClient.buildOkHttpClient(slackConfig).newBuilder()
                .addInterceptor(new SlackCallInterceptor(metrics.slackCalls(), clock))
                .addInterceptor(new SlackCallInterceptor(slackLink, clock)).build()));
        AppConfig appConfig = AppConfig.builder()
                .singleTeamBotToken(botToken)
                .signingSecret(config.slack().signingSecret().orElse(null))
                .slack(slack)
                .build();
        App app = new SlackBoltApp(appConfig, slackLink::unanswered);

        boolean simulated = ncp.simulator().isPresent();
        RolloutConfigFile file = config.rules();
        AccessPolicy policy = Policies.accessPolicy(file, simulated);
        BundleAuditWording auditWording = new BundleAuditWording();
        Gatekeeper gatekeeper = new Gatekeeper(policy, new SlackUserGroups(slack.methods(botToken), USER_GROUPS_TTL, Ticker.systemTicker()),
                storage.safekeeping().freezes(), storage.audit(), clock, auditWording);
        NcpOperationsGateway gateway = new NcpOperationsGateway(ncp.clients());
        VersionNames versionNames = VersionNames.none();
        RolloutStore store = storage.rollouts();
        String owner = Replica.ownerId(config.replica().instanceId(), hostName(), UUID.randomUUID().toString().substring(0, 8));
        Replica replica = new Replica(owner, config.replica().lease(),
                storage.singleProcess() ? RolloutStore.TakeOver.ALL : RolloutStore.TakeOver.OWN);
        SlackUserLocales locales = new SlackUserLocales(slack.methods(botToken), USER_LOCALES_TTL, Ticker.systemTicker());
        EditBudget editBudget = EditBudget.perMinuteDefault();
        SlackProgressNotifier notifier = new SlackProgressNotifier(slack.methods(botToken), new ProgressMessages(simulated, versionNames, new PastRuns(store)), locales,
                editBudget, clock);
        CachedClusterDirectory directory = new CachedClusterDirectory(gateway::listClusters, CLUSTER_LIST_TTL, Ticker.systemTicker());
        Journal journal = new Journal(store, new OutboxSender(storage.outbox(), store, notifier, replica.id(), clock), replica,
                auditWording);
        ScheduleNotifier scheduleNotifier = new SlackScheduleNotifier(slack.methods(botToken), new ScheduleMessages(simulated), locales, clock);
        HealthGate gate = ConfiguredHealthGate.of(file.health(), gateway, config.secrets());
        RolloutService service = new RolloutService(new Platform(versionNames.learning(gateway), directory, gate), journal, notifier,
                gatekeeper, clock, () -> UUID.randomUUID().toString());
        ScheduleService schedules = new ScheduleService(storage.schedules(), file.maintenanceWindows(), gatekeeper, scheduleNotifier, auditWording, clock,
                () -> UUID.randomUUID().toString());
        ApprovalService approvals = new ApprovalService(service, schedules, Policies.approvalRules(file), storage.safekeeping().approvals(),
                new SlackApprovalNotifier(slack.methods(botToken), new ApprovalMessages(simulated, versionNames), locales), gatekeeper,
                new ApprovalService.Bookkeeping(clock, () -> UUID.randomUUID().toString(), storage.safekeeping().requestKeys()));
        RolloutPoller poller = poller(config, clock, journal, gateway, notifier);
        // the looks at the data run on the work pool, never on the poll thread that renews the leases
        poller.setCatchUp(new CatchUpFollower(gate, config.stallAfter(), work));

        FleetService fleets = new FleetService(new Platform(gateway, directory, gate), store, storage.fleets(), new FleetPlan(file.fleets()), gatekeeper,
                Policies.approvalRules(file), replica, clock);
        CommandDefaults defaults = new CommandDefaults(ncp.defaultRegion().name(), file.regions(), file.aliases(),
                policy.mode() == AccessPolicy.Mode.READ_ONLY);
        ConfirmationViews views = new ConfirmationViews(simulated);
        AskedTimes times = new AskedTimes(locales, schedules);
        UpgradeFlow upgrade = new UpgradeFlow(service, new UpgradeViews(simulated), views, gatekeeper, locales, times);
        CommandFlows flows = new CommandFlows(new RestartFlow(service, views, gatekeeper, locales, times), upgrade,
                new StatusFlow(service, gatekeeper, simulated, locales, versionNames), new ListFlow(service, gatekeeper, simulated, locales),
                new CmakFlow(service, gatekeeper, simulated, locales), new AdminFlow(service, gatekeeper, clock, locales),
                new FleetFlow(fleets, new FleetMessages(simulated), views, gatekeeper, locales, times),
                new ScheduleFlow(schedules, new ScheduleMessages(simulated), gatekeeper, locales));
        SlackListeners.register(app, new SlackListeners.Handlers(
                new RolloutCommandHandler(work, flows, defaults, simulated, locales),
                new ConfirmSubmissionHandler(work, approvals, views, upgrade, locales),
                new UpgradeSelectionHandler(work, upgrade),
                new CmakRestartActionHandler(work, approvals, locales),
                new ProgressButtonsHandler(work, service, poller, gatekeeper, clock, simulated, locales),
                new AppHomeHandler(work, new AppHomeHandler.Sources(service, fleets, schedules), gatekeeper, simulated, locales),
                new ApprovalActionHandler(work, approvals, locales)));
        FleetRunner fleetRunner = new FleetRunner(storage.fleets(), store, service, new SlackFleetNotifier(slack.methods(botToken),
                new FleetMessages(simulated), locales, editBudget, clock), replica, clock, () -> UUID.randomUUID().toString());
        poller.setCompanion(PollCompanion.of(fleetRunner, new ScheduleRunner(schedules, service, scheduleNotifier, journal, clock,
                () -> UUID.randomUUID().toString())));
        SlackListeners.registerFleets(app, new FleetSubmissionHandler(work, fleets, views, locales, fleetRunner),
                new FleetButtonsHandler(work, fleets, locales, fleetRunner::tickIfIdle));
        SlackListeners.registerSchedules(app, new ScheduleButtonsHandler(work, schedules, locales));
        PollerHeartbeat heartbeat = new PollerHeartbeat(clock, POLLER_STALE_AFTER);
        poller.setPollListener(PollListeners.of(metrics.polls(), heartbeat));
        metrics.trackActiveOperations(() -> store.active().stream().map(TrackedRollout::rollout).toList());
        metrics.trackOutbox(storage.outbox()::pending);
        Map<String, HealthCheck.Check> checks = new LinkedHashMap<>();
        checks.put("store", () -> HealthCheck.Result.up(store.active().size() + " unfinished operations, "
                + storage.outbox().pending() + " thread notices waiting to be sent"));
        checks.put("slack", slackLink::check);
        checks.put("poller", heartbeat::check);
        Housekeeping housekeeping = new Housekeeping(approvals,
                new Retention(config.auditRetention(), storage.safekeeping().purger(), clock), gatekeeper,
                auditWording);
        return new Bot(config, clock, app, poller, notifier, new Bot.Closeables(ncp, storage, work), journal, housekeeping,
                new Bot.Ops(metrics, new HealthCheck(checks)));
    }

    private static RolloutPoller poller(BotConfig config, Clock clock, Journal journal, NcpOperationsGateway gateway,
            SlackProgressNotifier notifier) {
        Duration poll = config.pollInterval();
        return new RolloutPoller(journal, gateway, notifier, new RolloutTransitions(TrackerSettings.of(poll, config.stallAfter())),
                PollSchedule.every(poll, clock.instant()), clock);
    }

    /** The host name, for the lease owner when {@code INSTANCE_ID} is not set (the boot part makes it this process's). */
    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}

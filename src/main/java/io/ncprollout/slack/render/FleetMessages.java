package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.FleetService;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetEvent;
import io.ncprollout.rollout.fleet.FleetMember;
import io.ncprollout.rollout.fleet.FleetSpec;
import io.ncprollout.rollout.fleet.FleetState;
import io.ncprollout.rollout.fleet.MemberStatus;
import io.ncprollout.rollout.fleet.Skip;
import io.ncprollout.rollout.fleet.StopCause;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.tracking.Durations;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.slack.SlackIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words of fleets: the plan modal, the fleet message (a table of its clusters with Pause, Resume and Stop), the
 * lines of its thread, and the list of {@code /kafka fleets}. Pure: a fleet and a locale in, Block Kit out.
 */
public final class FleetMessages {
    /** The callback id of the plan modal. */
    public static final String CONFIRM_ID = "fleet-confirm";
    private static final int TABLE_MAX = 50;

    private final boolean simulated;

    public FleetMessages(boolean simulated) {
        this.simulated = simulated;
    }

    /** What the requester chose, before it is a fleet: for the plan modal. */
    public record Proposal(OperationKind kind, String region, String pattern, int waveSize, Duration pause, Optional<String> version,
            Optional<ScheduleNote> when) {
        /** A plan to start once confirmed. */
        public Proposal(OperationKind kind, String region, String pattern, int waveSize, Duration pause, Optional<String> version) {
            this(kind, region, pattern, waveSize, pause, version, Optional.empty());
        }
    }

    /** The plan modal: the clusters in order with their state and precheck, the pace, what stops it, and the confirmation. */
    public View plan(Proposal p, FleetService.Draft draft, String metadata, Locale locale) {
        Texts t = Texts.of(locale);
        List<LayoutBlock> blocks = new ArrayList<>();
        long run = draft.toRun();
        blocks.add(SlackText.text(p.version().map(v -> t.t("fleet.plan.upgradeHeading", Outcomes.kind(t, p.kind()), run,
                SlackText.escape(p.kind().product().displayName()), SlackText.escape(p.region()), SlackText.escape(p.pattern()), SlackText.escape(v)))
                .orElseGet(() -> t.t("fleet.plan.heading", Outcomes.kind(t, p.kind()), run, SlackText.escape(p.kind().product().displayName()),
                        SlackText.escape(p.region()), SlackText.escape(p.pattern())))));
        blocks.add(SlackText.note(t.t("fleet.plan.pace", p.waveSize(), Durations.describe(p.pause()))));
        p.when().ifPresent(n -> blocks.addAll(n.blocks(t, true)));
        List<String> lines = new ArrayList<>();
        int i = 1;
        boolean canary = true; // the first cluster that will run
        for (FleetMember m : draft.members()) {
            String status = SlackText.escape(draft.statuses().getOrDefault(m.cluster().number(), "?"));
            String line = m.skip().isPresent()
                    ? t.t("fleet.plan.skipped", i, SlackText.escape(m.cluster().name()), status, skip(t, m.skip().get()))
                    : t.t("fleet.plan.member", i, SlackText.escape(m.cluster().name()), m.nodeCount(), status, canary ? t.t("fleet.plan.canary") : "")
                            + Optional.ofNullable(draft.targets().get(m.cluster().number())).map(v -> " " + t.t("fleet.plan.version", SlackText.escape(v)))
                                    .orElse("");
            lines.add(line);
            canary &= m.skip().isPresent();
            i++;
        }
        blocks.addAll(SlackText.sections(SlackText.fit(lines, TABLE_MAX, 2900, more -> t.t("fleet.plan.more", more))));
        if (!draft.needApproval().isEmpty()) {
            blocks.add(SlackText.text(":raised_hand: " + t.t("fleet.plan.approval", SlackText.escape(String.join(", ", draft.needApproval())))));
        }
        blocks.add(SlackText.text(":octagonal_sign: " + t.t("fleet.plan.stops")));
        blocks.add(SlackText.text(":warning: " + t.t(p.kind().messageKey(OperationKind.Word.CAUTION)) + " " + t.t("fleet.plan.noCancel")));
        if (run == 0) {
            blocks.add(SlackText.text(":no_entry: " + t.t("fleet.plan.nothingToRun")));
            return Modals.modal(t, CONFIRM_ID, t.t("fleet.plan.title"), null, t.t("button.close"), metadata, blocks, simulated);
        }
        blocks.add(com.slack.api.model.block.Blocks.input(in -> in.blockId(SlackIds.BlockIds.CONFIRM_NAME)
                .label(plainText(t.t("fleet.plan.countLabel", run)))
                .element(com.slack.api.model.block.element.BlockElements.plainTextInput(e -> e.actionId(SlackIds.ActionIds.CONFIRM_NAME_INPUT)
                        .placeholder(plainText(String.valueOf(run)))))));
        blocks.add(ConfirmationViews.reasonInput(t));
        String submit = p.when().isPresent() ? t.t("schedule.submit") : t.t("fleet.plan.submit", run);
        return Modals.modal(t, CONFIRM_ID, t.t("fleet.plan.title"), submit, t.t("button.cancel"), metadata, blocks, simulated);
    }

    /** The field error when the typed count is not the plan's. */
    public static String countError(long expected, Locale locale) {
        return Texts.of(locale).t("fleet.plan.countError", expected);
    }

    /** The fleet's message: heading, state, one line per cluster (linked to its thread), and its buttons while it runs. */
    public SlackMessage parent(Fleet fleet, Map<String, ThreadRef> threads, String workspaceUrl, Locale locale) {
        Texts t = Texts.of(locale);
        FleetSpec spec = fleet.spec();
        List<LayoutBlock> blocks = new ArrayList<>();
        String heading = t.t("fleet.heading", Outcomes.kind(t, spec.kind()), fleet.toRun(), SlackText.escape(spec.kind().product().displayName()),
                SlackText.escape(spec.region()), SlackText.escape(spec.pattern()), SlackText.mention(spec.requester()))
                + spec.targetVersion().map(v -> " · " + t.t("fleet.plan.version", "`" + SlackText.escape(v) + "`")).orElse("");
        blocks.add(SlackText.text(heading));
        blocks.add(SlackText.note(t.t("fleet.plan.pace", spec.waveSize(), Durations.describe(spec.pause())), t.t("fleet.reason", SlackText.user(spec.reason()))));
        if (spec.startAt().isPresent() && fleet.members().stream().noneMatch(m -> m.rolloutId().isPresent()) && !fleet.state().isFinal()) {
            io.ncprollout.rollout.schedule.ScheduledTime w = spec.startAt().get();
            blocks.add(SlackText.text(":calendar: " + t.t("fleet.startsAt", ScheduleTimes.both(w), SlackText.date(w.at(), "{date_short_pretty} {time}"))));
        }
        blocks.add(SlackText.text(state(t, fleet)));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < fleet.members().size(); i++) {
            lines.add(row(t, fleet, i, threads, workspaceUrl));
        }
        blocks.addAll(SlackText.sections(SlackText.fit(lines, TABLE_MAX, 2900, more -> t.t("fleet.plan.more", more))));
        blocks.add(SlackText.note(counts(t, fleet)));
        List<BlockElement> buttons = new ArrayList<>();
        if (fleet.state() == FleetState.AWAITING_APPROVAL) {
            buttons.add(button(b -> b.actionId(SlackIds.ActionIds.FLEET_APPROVE).value(fleet.id()).style("primary").text(plainText(t.t("fleet.button.approve")))));
            buttons.add(button(b -> b.actionId(SlackIds.ActionIds.FLEET_REJECT).value(fleet.id()).style("danger").text(plainText(t.t("fleet.button.reject")))));
        }
        if (fleet.state() == FleetState.RUNNING) {
            buttons.add(button(b -> b.actionId(SlackIds.ActionIds.FLEET_PAUSE).value(fleet.id()).text(plainText(t.t("fleet.button.pause")))));
        }
        if (fleet.state() == FleetState.PAUSED) {
            buttons.add(button(b -> b.actionId(SlackIds.ActionIds.FLEET_RESUME).value(fleet.id()).style("primary").text(plainText(t.t("fleet.button.resume")))));
        }
        if (fleet.state() == FleetState.RUNNING || fleet.state() == FleetState.PAUSED) {
            buttons.add(button(b -> b.actionId(SlackIds.ActionIds.FLEET_STOP).value(fleet.id()).style("danger").text(plainText(t.t("fleet.button.stop")))
                    .confirm(confirmationDialog(c -> c.title(plainText(t.t("fleet.stop.title"))).text(plainText(t.t("fleet.stop.text")))
                            .confirm(plainText(t.t("fleet.button.stop"))).deny(plainText(t.t("button.cancel")))))));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId(SlackIds.BlockIds.FLEET_BUTTONS).elements(buttons)));
        }
        if (simulated) {
            blocks.add(SlackText.note(SlackText.simulated(t)));
        }
        String text = t.t("fleet.text", Outcomes.kind(t, spec.kind()), fleet.toRun(), spec.pattern(), stateWord(t, fleet.state()));
        return new SlackMessage(text, blocks);
    }

    /** One line of the fleet's thread. */
    public SlackMessage line(Fleet fleet, FleetEvent event, Map<String, ThreadRef> threads, String workspaceUrl, Locale locale) {
        Texts t = Texts.of(locale);
        Optional<FleetMember> m = event.member() >= 0 && event.member() < fleet.members().size() ? Optional.of(fleet.member(event.member())) : Optional.empty();
        String name = m.map(x -> "*" + SlackText.escape(x.cluster().name()) + "*").orElse("");
        String link = m.flatMap(x -> x.rolloutId().map(threads::get)).map(th -> " · " + link(th, workspaceUrl, t.t("fleet.itsThread"))).orElse("");
        String text = switch (event.type()) {
            case STARTED -> ":arrow_forward: " + t.t("fleet.line.started", name) + link;
            case ENDED -> m.flatMap(FleetMember::ending).filter(e -> e == io.ncprollout.rollout.tracking.RolloutState.COMPLETED).isPresent()
                    ? ":white_check_mark: " + t.t("fleet.line.completed", name) + link
                    : ":x: " + t.t("fleet.line.ended", name, m.flatMap(FleetMember::ending).map(Enum::name).orElse("?")) + link;
            case SKIPPED -> ":fast_forward: " + t.t("fleet.line.skipped", name, m.flatMap(FleetMember::skip).map(s -> skip(t, s)).orElse(""));
            case APPROVAL_ASKED -> ":raised_hand: " + t.t("fleet.line.approvalAsked", approvers(fleet), SlackText.mention(fleet.spec().requester()),
                    fleet.approval().map(a -> SlackText.dateTime(a.deadline())).orElse(""));
            case APPROVED -> ":white_check_mark: " + t.t("fleet.line.approved", SlackText.mention(event.by()));
            case PAUSED -> ":double_vertical_bar: " + t.t("fleet.line.paused", SlackText.mention(event.by()));
            case RESUMED -> ":arrow_forward: " + t.t("fleet.line.resumed", SlackText.mention(event.by()));
            case STOPPING -> ":octagonal_sign: " + SlackText.mention(fleet.spec().requester()) + " " + stopCause(t, fleet.stop()) + " "
                    + t.t(fleet.hasRunning() ? "fleet.line.followRunning" : "fleet.line.nothingRuns");
            case FINISHED -> fleet.stop().filter(c -> c.why() == StopCause.Why.NOT_ANNOUNCED).isPresent()
                    ? ":x: " + t.t("fleet.line.notAnnounced", Outcomes.kind(t, fleet.spec().kind()), fleet.toRun(), SlackText.escape(fleet.spec().pattern()),
                            "<#" + fleet.spec().channel() + ">")
                    : (fleet.state() == FleetState.COMPLETED ? ":checkered_flag: " : ":octagonal_sign: ")
                    + t.t(fleet.state() == FleetState.COMPLETED ? "fleet.line.completedAll" : "fleet.line.stopped", counts(t, fleet));
        };
        return new SlackMessage(text, List.of(SlackText.text(text)));
    }

    /** {@code /kafka fleets}: the running fleets and the latest finished ones, one line each. */
    public SlackMessage list(List<Fleet> active, List<Fleet> recent, Locale locale) {
        Texts t = Texts.of(locale);
        List<String> lines = new ArrayList<>();
        lines.add("*" + t.t("fleet.list.running") + "*");
        active.forEach(f -> lines.add(summary(t, f)));
        if (active.isEmpty()) {
            lines.add(t.t("fleet.list.none"));
        }
        lines.add("*" + t.t("fleet.list.recent") + "*");
        recent.forEach(f -> lines.add(summary(t, f)));
        if (recent.isEmpty()) {
            lines.add(t.t("fleet.list.none"));
        }
        List<LayoutBlock> blocks = new ArrayList<>(SlackText.sections(lines));
        if (simulated) {
            blocks.add(SlackText.note(SlackText.simulated(t)));
        }
        return new SlackMessage(String.join("\n", lines), blocks);
    }

    /** One fleet in a list: what, where, state and counts. */
    public static String summary(Texts t, Fleet f) {
        return t.t("fleet.list.line", Outcomes.kind(t, f.spec().kind()), SlackText.escape(f.spec().pattern()), SlackText.escape(f.spec().region()),
                stateWord(t, f.state()), counts(t, f), SlackText.mention(f.spec().requester()), SlackText.dateTime(f.createdAt()));
    }

    private static String row(Texts t, Fleet fleet, int i, Map<String, ThreadRef> threads, String workspaceUrl) {
        FleetMember m = fleet.member(i);
        String name = SlackText.escape(m.cluster().name());
        Optional<ThreadRef> thread = m.rolloutId().map(threads::get);
        String shown = thread.map(th -> link(th, workspaceUrl, name)).orElse(name);
        String emoji = switch (m.status()) {
            case WAITING -> ":white_circle:";
            case STARTING, RUNNING -> ":large_blue_circle:";
            case DONE -> ":white_check_mark:";
            case FAILED -> ":x:";
            case SKIPPED -> ":fast_forward:";
            case NOT_STARTED -> ":heavy_minus_sign:";
        };
        String detail = switch (m.status()) {
            case FAILED -> " — " + m.ending().map(Enum::name).orElse("?");
            case SKIPPED -> " — " + m.skip().map(s -> skip(t, s)).orElse("");
            default -> "";
        };
        return emoji + " " + (i + 1) + ". " + shown + " · " + t.t("fleet.member." + m.status().name()) + detail;
    }

    private static String link(ThreadRef thread, String workspaceUrl, String label) {
        return HomeViews.threadUrl(thread, workspaceUrl).map(url -> "<" + url + "|" + label + ">").orElse(label);
    }

    private static String state(Texts t, Fleet fleet) {
        return switch (fleet.state()) {
            case AWAITING_APPROVAL -> ":raised_hand: " + t.t("fleet.state.AWAITING_APPROVAL") + " "
                    + t.t("fleet.awaiting", approvers(fleet), fleet.approval().map(a -> SlackText.dateTime(a.deadline())).orElse(""));
            case RUNNING -> ":large_blue_circle: " + t.t("fleet.state.RUNNING")
                    + fleet.approval().flatMap(a -> a.approvedBy()).map(by -> " · " + t.t("fleet.approvedBy", SlackText.mention(by))).orElse("");
            case PAUSED -> ":double_vertical_bar: " + t.t("fleet.state.PAUSED");
            case STOPPING -> ":octagonal_sign: " + t.t("fleet.state.STOPPING") + " " + stopCause(t, fleet.stop()) + " " + t.t("fleet.plan.noCancel");
            case STOPPED -> ":octagonal_sign: " + t.t("fleet.state.STOPPED") + " " + stopCause(t, fleet.stop());
            case COMPLETED -> ":checkered_flag: " + t.t("fleet.state.COMPLETED");
        };
    }

    /** The approvers of every rule that covers the plan, mentioned: users and user groups. */
    private static String approvers(Fleet fleet) {
        return fleet.approval().map(a -> a.approvers().stream()
                .map(p -> java.util.stream.Stream.concat(p.users().stream().sorted().map(u -> u.equals("*") ? "anyone" : SlackText.mention(u)),
                        p.usergroups().stream().sorted().map(g -> "<!subteam^" + SlackText.escape(g) + ">")).collect(java.util.stream.Collectors.joining(" ")))
                .collect(java.util.stream.Collectors.joining(" + "))).orElse("");
    }

    static String stateWord(Texts t, FleetState state) {
        return t.t("fleet.state." + state.name());
    }

    private static String stopCause(Texts t, Optional<StopCause> stop) {
        return stop.map(c -> switch (c.why()) {
            case CLUSTER_ENDED -> t.t("fleet.stop.clusterEnded", "*" + SlackText.escape(c.detail()) + "*", SlackText.escape(c.by()));
            case FROZEN -> t.t("fleet.stop.frozen", "*" + SlackText.escape(c.by()) + "*", SlackText.user(c.detail()));
            case STOPPED_BY -> t.t("fleet.stop.by", SlackText.mention(c.by()));
            case NOT_ANNOUNCED -> t.t("fleet.stop.notAnnounced");
            case REJECTED -> t.t("fleet.stop.rejected", SlackText.mention(c.by()));
            case APPROVAL_EXPIRED -> t.t("fleet.stop.approvalExpired");
            case MISSED -> t.t("fleet.stop.missed", io.ncprollout.rollout.schedule.ScheduleSteps.GRACE.toMinutes());
        }).orElse("");
    }

    private static String counts(Texts t, Fleet f) {
        List<String> parts = new ArrayList<>();
        for (MemberStatus s : MemberStatus.values()) {
            long n = f.count(s);
            if (n > 0) {
                parts.add(n + " " + t.t("fleet.member." + s.name()));
            }
        }
        return String.join(", ", parts);
    }

    static String skip(Texts t, Skip skip) {
        String said = t.t("fleet.skip." + skip.why().name());
        return skip.detail().isBlank() ? said : said + ": " + SlackText.user(skip.detail());
    }
}

package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.health.GateReport;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationKind.Word;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.PrecheckReport;
import io.ncprollout.slack.SlackIds.ActionIds;
import io.ncprollout.slack.SlackIds.BlockIds;
import io.ncprollout.slack.SlackIds.CallbackIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pure: the modal of the confirmation flow, in the order the user sees it: {@link #loading} while the
 * precheck runs, then {@link #confirm} with the precheck's result (inputs and a submit button only if it
 * passed), or {@link #failed} when the precheck could not run. Titles and buttons stay within Slack's 24
 * characters; callback, block and action ids come from {@link io.ncprollout.slack.SlackIds}. Every view is in the
 * language of the {@link Locale} passed: the reader's, the user who ran the command.
 */
public final class ConfirmationViews {
    /** The longest reason the modal accepts. */
    public static final int REASON_MAX = 500;
    /** Slack's limit for {@code private_metadata}. */
    public static final int PRIVATE_METADATA_MAX = 3000;
    /** Node lines in the modal; a modal may hold 100 blocks, this keeps it readable. */
    static final int NODE_LINES_MAX = 60;

    private final boolean simulated;

    /** @param simulated true when the embedded simulator serves: every view then says so */
    public ConfirmationViews(boolean simulated) {
        this.simulated = simulated;
    }

    /** The view opened at once, before any NCP call: "Running precheck…", no input, no submit. */
    public View loading(String clusterText, OperationKind kind, Locale locale) {
        Objects.requireNonNull(clusterText, "clusterText == null");
        Objects.requireNonNull(kind, "kind == null");
        Texts t = Texts.of(locale);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":hourglass_flowing_sand: " + t.t("confirm.loading", Outcomes.kindInSentence(t, kind), SlackText.user(clusterText))));
        return modal(t, CallbackIds.PRECHECK_LOADING, Outcomes.kind(t, kind), null, t.t("button.cancel"), "", blocks);
    }

    /**
     * The confirmation: the cluster, its nodes as {@code current} shows them, the documented caution and the
     * precheck's result. A passed precheck adds the name and reason inputs and the submit button; a failed one
     * shows NCP's message verbatim (escaped) and offers only Close.
     *
     * @throws IllegalArgumentException if {@code privateMetadata} is longer than {@value #PRIVATE_METADATA_MAX} characters
     */
    public View confirm(OperationTarget target, Observation current, Precheck precheck, String privateMetadata, Locale locale) {
        return confirm(new PrecheckReport(target, current, precheck, GateReport.off()), false, privateMetadata, locale);
    }

    /**
     * The confirmation with the data-level health gate's report under NCP's precheck. A gate that does not pass leaves
     * only Close, unless the reader may start anyway (an admin): then a required "start anyway" checkbox comes with
     * the inputs.
     *
     * @throws IllegalArgumentException if {@code privateMetadata} is longer than {@value #PRIVATE_METADATA_MAX} characters
     */
    public View confirm(PrecheckReport report, boolean mayStartAnyway, String privateMetadata, Locale locale) {
        return confirm(report, mayStartAnyway, java.util.Optional.empty(), privateMetadata, locale);
    }

    /**
     * The confirmation of an operation asked for {@code schedule}'s time ({@code --at}) when present: the same checks
     * now, the time said above the inputs, and a "Schedule" button.
     *
     * @throws IllegalArgumentException if {@code privateMetadata} is longer than {@value #PRIVATE_METADATA_MAX} characters
     */
    public View confirm(PrecheckReport report, boolean mayStartAnyway, java.util.Optional<ScheduleNote> schedule, String privateMetadata,
            Locale locale) {
        // no "start anyway" for a later start: at its time the gate decides, as every check does then
        boolean anyway = mayStartAnyway && schedule.isEmpty();
        OperationTarget target = report.target();
        Observation current = report.current();
        Precheck precheck = report.precheck();
        if (privateMetadata.length() > PRIVATE_METADATA_MAX) {
            throw new IllegalArgumentException("privateMetadata has " + privateMetadata.length() + " characters; Slack allows " + PRIVATE_METADATA_MAX);
        }
        Texts t = Texts.of(locale);
        ClusterRef cluster = target.cluster();
        OperationKind kind = target.kind();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(heading(t, kind, cluster));
        List<String> facts = new ArrayList<>(facts(t, cluster, current.clusterStatus()));
        target.targetVersion().ifPresent(v -> facts.add(t.t("fact.versionChange", SlackText.escape(current.versionCode().orElse("?")), SlackText.escape(v))));
        target.configGroupNo().ifPresent(g -> facts.add(t.t("fact.configGroup", SlackText.escape(g))));
        blocks.add(SlackText.note(String.join(" · ", facts)));
        blocks.addAll(NodeLines.observed(t, current, NODE_LINES_MAX));
        blocks.add(SlackText.text(":warning: " + caution(t, kind)));
        if (!precheck.passed()) {
            blocks.add(SlackText.text(":no_entry: " + t.t("precheck.failed") + "\n>" + SlackText.user(precheck.message()).replace("\n", "\n>")));
            blocks.add(SlackText.note(t.t("precheck.failed.hint")));
            return modal(t, kind.confirmationId(), t.t("confirm.title.precheckFailed"), null, t.t("button.close"), privateMetadata, blocks);
        }
        blocks.add(SlackText.text(":white_check_mark: " + t.t("precheck.passed", SlackText.user(precheck.message()))));
        if (kind != OperationKind.CMAK_RESTART) {
            blocks.addAll(gateBlocks(t, report.gate(), anyway));
        }
        if (report.gate().blocks() && !anyway) {
            return modal(t, kind.confirmationId(), t.t("confirm.title.gateFailed"), null, t.t("button.close"), privateMetadata, blocks);
        }
        schedule.ifPresent(s -> blocks.addAll(s.blocks(t)));
        blocks.add(nameInput(t, cluster));
        blocks.add(reasonInput(t));
        if (report.gate().blocks()) {
            blocks.add(startAnywayInput(t));
        }
        String submit = schedule.isPresent() ? t.t("schedule.submit") : t.t(kind.messageKey(Word.CONFIRM_SUBMIT));
        return modal(t, kind.confirmationId(), t.t(kind.messageKey(Word.CONFIRM_TITLE)), submit, t.t("button.cancel"), privateMetadata, blocks);
    }

    /**
     * The health gate's report: its headline and worst findings (a section), then, when it does not pass, what can be
     * done (a note); when no gate covers the cluster, one note that says so and how to turn it on.
     */
    static List<LayoutBlock> gateBlocks(Texts t, GateReport gate, boolean mayStartAnyway) {
        if (gate.verdict() == GateReport.Verdict.OFF) {
            return List.of(SlackText.note(GateLines.headline(t, gate, SlackText::user)));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(SlackText.cut(GateLines.text(t, gate, SlackText::user), 3000)));
        if (gate.blocks()) {
            blocks.add(SlackText.note(t.t(mayStartAnyway ? "gate.anyway.hint" : "gate.blocked.hint")));
        }
        return blocks;
    }

    /** The admin's required "start anyway" checkbox ({@link BlockIds#START_ANYWAY}): the form cannot be sent without it. */
    static LayoutBlock startAnywayInput(Texts t) {
        return input(i -> i.blockId(BlockIds.START_ANYWAY)
                .label(plainText(t.t("gate.anyway.label")))
                .element(com.slack.api.model.block.element.CheckboxesElement.builder().actionId(ActionIds.START_ANYWAY_CHECK)
                        .options(List.of(com.slack.api.model.block.composition.OptionObject.builder()
                                .text(plainText(t.t("gate.anyway.option"))).value(ActionIds.START_ANYWAY_VALUE).build()))
                        .build()));
    }

    /** "*Rolling restart* of *demo-kafka*": the first line of every confirmation and upgrade modal. */
    static LayoutBlock heading(Texts t, OperationKind kind, ClusterRef cluster) {
        return SlackText.text(t.t("confirm.heading", Outcomes.kind(t, kind), SlackText.escape(cluster.name())));
    }

    /** "Cluster 1234567", region, service, "status running": the facts line under the heading. */
    static List<String> facts(Texts t, ClusterRef cluster, String clusterStatus) {
        return List.of(t.t("fact.cluster", SlackText.escape(cluster.number())), SlackText.escape(cluster.region()),
                cluster.product().displayName(), t.t("fact.status", SlackText.escape(clusterStatus)));
    }

    /**
     * A view that reports {@code message} (escaped) under {@code title}, with advice that fits {@code why}, and offers only Close. The title is the
     * caller's, already in the reader's language (see {@link #title}); the message may be NCP's or the bot's own.
     */
    public View failed(String title, String message, Why why, Locale locale) {
        Objects.requireNonNull(message, "message == null");
        return failedWith(title, SlackText.withTokens(message), why, Texts.of(locale));
    }

    /** {@link #failed(String, String, Why, Locale)} for a refusal of the domain, worded in the reader's language. */
    public View failed(String title, Refusal refusal, Why why, Locale locale) {
        Objects.requireNonNull(refusal, "refusal == null");
        Texts t = Texts.of(locale);
        return failedWith(title, Refusals.of(t, refusal, SlackText::user), why, t);
    }

    private View failedWith(String title, String mrkdwn, Why why, Texts t) {
        Objects.requireNonNull(title, "title == null");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":x: " + mrkdwn));
        blocks.add(SlackText.note(t.t(why.hint)));
        return modal(t, CallbackIds.MODAL_ERROR, title, null, t.t("button.close"), "", blocks);
    }

    /**
     * Why nothing was started, which decides what the modal advises: only a passing failure (NCP or the store not
     * answering) is worth trying again in a minute; a denial or an unknown name stays the same however long one waits.
     */
    public enum Why {
        /** NCP or the store did not answer: try again later, then ask the operators. */
        TRANSIENT("failed.hint"),
        /** The permission rules refuse it: waiting does not help; the admins can. */
        NOT_ALLOWED("failed.hint.notAllowed"),
        /** No such cluster: check the name or the region. */
        UNKNOWN_CLUSTER("failed.hint.unknownCluster"),
        /** The request itself was off (a version not offered, an old form): run the command again. */
        RERUN("failed.hint.rerun");

        private final String hint;

        Why(String hint) {
            this.hint = hint;
        }
    }

    /**
     * A modal title of the handlers ({@code "notAllowed"} → "Not allowed"), in the reader's language: the keys
     * {@code title.*} of the bundle.
     */
    public static String title(String name, Locale locale) {
        return Texts.of(locale).t("title." + name);
    }

    /** How a start request went, as the modal's last view. */
    public enum Outcome {
        STARTING(":hourglass_flowing_sand: "), STARTED(":white_check_mark: "), WAITING(":raising_hand: "), REFUSED(":no_entry: "),
        SCHEDULED(":calendar: ");

        private final String emoji;

        Outcome(String emoji) {
            this.emoji = emoji;
        }
    }

    /**
     * The modal after a submission: what became of the start. {@code mrkdwn} is the bot's own text (user and NCP
     * text inside it is already escaped by whoever wrote it), so it is not escaped again.
     */
    public View outcome(String title, Outcome outcome, String mrkdwn, Locale locale) {
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(mrkdwn, "mrkdwn == null");
        Texts t = Texts.of(locale);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(outcome.emoji + mrkdwn));
        return modal(t, CallbackIds.MODAL_ERROR, title, null, t.t("button.close"), "", blocks);
    }

    /** The field error shown under the name input ({@code response_action: errors}, keyed by {@link BlockIds#CONFIRM_NAME}). */
    public static String nameMismatchError(String clusterName, Locale locale) {
        return Texts.of(locale).t("confirm.nameMismatch", clusterName);
    }

    /** The field error shown under the reason input when it is empty ({@code tooLong} false) or too long. */
    public static String reasonError(boolean tooLong, Locale locale) {
        Texts t = Texts.of(locale);
        return tooLong ? t.t("confirm.reasonTooLong", REASON_MAX) : t.t("confirm.reasonMissing");
    }

    /** The documented caution for {@code kind}, in the words of the NCP guide where it has them. */
    static String caution(Texts t, OperationKind kind) {
        return t.t(kind.messageKey(Word.CAUTION));
    }

    /** The input where the user types the cluster's name ({@link BlockIds#CONFIRM_NAME}). */
    static LayoutBlock nameInput(Texts t, ClusterRef cluster) {
        // a blank name makes no placeholder: Slack refuses an empty text object
        return input(i -> i.blockId(BlockIds.CONFIRM_NAME)
                .label(plainText(t.t("confirm.nameLabel")))
                .element(plainTextInput(e -> e.actionId(ActionIds.CONFIRM_NAME_INPUT)
                        .placeholder(cluster.name().isBlank() ? null : plainText(SlackText.cut(cluster.name(), 150))))));
    }

    /** The reason input ({@link BlockIds#REASON}), at most {@value #REASON_MAX} characters. */
    static LayoutBlock reasonInput(Texts t) {
        return input(i -> i.blockId(BlockIds.REASON)
                .label(plainText(t.t("confirm.reasonLabel")))
                .element(plainTextInput(e -> e.actionId(ActionIds.REASON_INPUT).multiline(true).maxLength(REASON_MAX))));
    }

    private View modal(Texts t, String callbackId, String title, @Nullable String submit, String close, String metadata, List<LayoutBlock> blocks) {
        return Modals.modal(t, callbackId, title, submit, close, metadata, blocks, simulated);
    }
}

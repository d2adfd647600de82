package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.ClusterRef;
import io.ncprollout.rollout.Observation;
import io.ncprollout.rollout.OperationKind;
import io.ncprollout.rollout.OperationTarget;
import io.ncprollout.rollout.Precheck;
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
 * characters; callback, block and action ids come from {@link io.ncprollout.slack.SlackIds}.
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
    public View loading(String clusterText, OperationKind kind) {
        Objects.requireNonNull(clusterText, "clusterText == null");
        Objects.requireNonNull(kind, "kind == null");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":hourglass_flowing_sand: Running precheck for " + kind.title().toLowerCase(Locale.ROOT)
                + " of *" + SlackText.user(clusterText) + "*…"));
        return modal(CallbackIds.PRECHECK_LOADING, kind.title(), null, "Cancel", "", blocks);
    }

    /**
     * The confirmation: the cluster, its nodes as {@code current} shows them, the documented caution and the
     * precheck's result. A passed precheck adds the name and reason inputs and the submit button; a failed one
     * shows NCP's message verbatim (escaped) and offers only Close.
     *
     * @throws IllegalArgumentException if {@code privateMetadata} is longer than {@value #PRIVATE_METADATA_MAX} characters
     */
    public View confirm(OperationTarget target, Observation current, Precheck precheck, String privateMetadata) {
        Objects.requireNonNull(target, "target == null");
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(precheck, "precheck == null");
        if (privateMetadata.length() > PRIVATE_METADATA_MAX) {
            throw new IllegalArgumentException("privateMetadata has " + privateMetadata.length() + " characters; Slack allows " + PRIVATE_METADATA_MAX);
        }
        ClusterRef cluster = target.cluster();
        OperationKind kind = target.kind();
        String name = SlackText.escape(cluster.name());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text("*" + kind.title() + "* of *" + name + "*"));
        List<String> facts = new ArrayList<>(List.of("Cluster " + SlackText.escape(cluster.number()), SlackText.escape(cluster.region()),
                cluster.service().displayName(), "status " + SlackText.escape(current.clusterStatus())));
        target.targetVersion().ifPresent(v -> facts.add("version " + SlackText.escape(current.versionCode().orElse("?")) + " → " + SlackText.escape(v)));
        target.configGroupNo().ifPresent(g -> facts.add("config group " + SlackText.escape(g)));
        blocks.add(SlackText.note(String.join(" · ", facts)));
        blocks.addAll(NodeLines.observed(current, NODE_LINES_MAX));
        blocks.add(SlackText.text(":warning: " + caution(kind)));
        if (!precheck.passed()) {
            blocks.add(SlackText.text(":no_entry: *Precheck failed.* NCP says:\n>" + SlackText.user(precheck.message()).replace("\n", "\n>")));
            blocks.add(SlackText.note("Nothing was started. Fix what NCP reports, then run the command again."));
            return modal(CallbackIds.confirm(kind), "Precheck failed", null, "Close", privateMetadata, blocks);
        }
        blocks.add(SlackText.text(":white_check_mark: *Precheck passed* (NCP: " + SlackText.user(precheck.message()) + ")"));
        blocks.add(nameInput(cluster));
        blocks.add(reasonInput());
        return modal(CallbackIds.confirm(kind), "Confirm " + verb(kind), "Start " + verb(kind), "Cancel", privateMetadata, blocks);
    }

    /** A view that reports {@code message} (escaped) under {@code title} and offers only Close. */
    public View failed(String title, String message) {
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(message, "message == null");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(":x: " + SlackText.user(message)));
        blocks.add(SlackText.note("Nothing was started. Try again in a minute; if it keeps failing, ask the bot's operators to check its logs."));
        return modal(CallbackIds.MODAL_ERROR, title, null, "Close", "", blocks);
    }

    /** How a start request went, as the modal's last view. */
    public enum Outcome {
        STARTING(":hourglass_flowing_sand: "), STARTED(":white_check_mark: "), WAITING(":raising_hand: "), REFUSED(":no_entry: ");

        private final String emoji;

        Outcome(String emoji) {
            this.emoji = emoji;
        }
    }

    /**
     * The modal after a submission: what became of the start. {@code mrkdwn} is the bot's own text (user and NCP
     * text inside it is already escaped by whoever wrote it), so it is not escaped again.
     */
    public View outcome(String title, Outcome outcome, String mrkdwn) {
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(mrkdwn, "mrkdwn == null");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackText.text(outcome.emoji + mrkdwn));
        return modal(CallbackIds.MODAL_ERROR, title, null, "Close", "", blocks);
    }

    /** The field error shown under the name input ({@code response_action: errors}, keyed by {@link BlockIds#CONFIRM_NAME}). */
    public static String nameMismatchError(String clusterName) {
        return "Type the cluster name exactly: " + clusterName;
    }

    /** The documented caution for {@code kind}, in the words of the NCP guide where it has them. */
    static String caution(OperationKind kind) {
        return switch (kind) {
            case KAFKA_RESTART -> "Rolling restart may cause data loss or intermittent interruptions.";
            case KAFKA_UPGRADE -> "Select the config group that matches the target version. If topics are being replicated, "
                    + "the upgrade can proceed only after replication completes. The upgrade may cause data loss or intermittent interruptions.";
            case CMAK_RESTART -> "CMAK, the cluster manager, is unavailable until it is back; the brokers are not restarted.";
            case OPENSEARCH_UPGRADE -> "A cluster snapshot taken within the last 6 hours is required. "
                    + "User data can't be recovered if lost during the upgrade.";
        };
    }

    /** The input where the user types the cluster's name ({@link BlockIds#CONFIRM_NAME}). */
    static LayoutBlock nameInput(ClusterRef cluster) {
        return input(i -> i.blockId(BlockIds.CONFIRM_NAME)
                .label(plainText("Type the cluster name to confirm"))
                .element(plainTextInput(e -> e.actionId(ActionIds.CONFIRM_NAME_INPUT).placeholder(plainText(SlackText.cut(cluster.name(), 150))))));
    }

    /** The reason input ({@link BlockIds#REASON}), at most {@value #REASON_MAX} characters. */
    static LayoutBlock reasonInput() {
        return input(i -> i.blockId(BlockIds.REASON)
                .label(plainText("Reason"))
                .element(plainTextInput(e -> e.actionId(ActionIds.REASON_INPUT).multiline(true).maxLength(REASON_MAX))));
    }

    /** "restart", "upgrade", "CMAK restart": short enough for a title and a button. */
    private static String verb(OperationKind kind) {
        return kind == OperationKind.CMAK_RESTART ? "CMAK restart" : kind.action();
    }

    private View modal(String callbackId, String title, @Nullable String submit, String close, String metadata, List<LayoutBlock> blocks) {
        return Modals.modal(callbackId, title, submit, close, metadata, blocks, simulated);
    }
}

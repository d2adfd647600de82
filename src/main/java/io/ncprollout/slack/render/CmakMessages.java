package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Pure: the ephemeral confirmation of {@code restart-cmak}: the cluster, its CMAK status, and a danger button
 * ({@link OperationKind#confirmationId()}) behind Slack's own confirm dialog. The button's value names the
 * cluster as {@code <service>|<region>|<number>|<name>} so the action handler can act without server-side state;
 * {@link #parseButtonValue} reads it back. The value is what a user's client sends, so the handler must still
 * look the cluster up by its number and check permissions: the value only says which cluster was shown.
 */
public final class CmakMessages {
    /** Why no CMAK button is offered: the operation running on the cluster, who runs it and since when (mrkdwn). */
    public static String busy(io.ncprollout.rollout.tracking.Rollout running, Locale locale) {
        Texts t = Texts.of(locale);
        return t.t("cmak.busy", SlackText.mention(running.request().requester()), Outcomes.kindInSentence(t, running.request().kind()),
                SlackText.escape(running.request().cluster().name()), SlackText.dateTime(running.startedAt()));
    }

    /** Slack's limit for a button value. */
    static final int BUTTON_VALUE_MAX = 2000;
    private static final int DIALOG_TEXT_MAX = 300;
    private static final char SEPARATOR = '|';

    private CmakMessages() {
    }

    /**
     * The message that asks to confirm a CMAK restart of {@code cluster}, showing CMAK as {@code current} saw it.
     *
     * @throws IllegalArgumentException if the cluster is not a Kafka cluster, or its region or number holds a '|'
     */
    public static SlackMessage confirm(ClusterRef cluster, Observation current, boolean simulated, Locale locale) {
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(current, "current == null");
        if (cluster.product() != Product.KAFKA) {
            throw new IllegalArgumentException("CMAK belongs to Kafka clusters, not " + cluster.product());
        }
        Texts t = Texts.of(locale);
        String name = SlackText.escape(cluster.name());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(ConfirmationViews.heading(t, OperationKind.CMAK_RESTART, cluster));
        blocks.add(SlackText.note(String.join(" · ", ConfirmationViews.facts(t, cluster, current.clusterStatus()))));
        blocks.add(SlackText.text(cmakStatus(t, current)));
        blocks.add(SlackText.text(":warning: " + ConfirmationViews.caution(t, OperationKind.CMAK_RESTART)));
        String dialog = SlackText.cut(t.t("cmak.dialog", cluster.name()), DIALOG_TEXT_MAX);
        String restart = t.t("cmak.button");
        blocks.add(actions(List.of(button(b -> b.actionId(OperationKind.CMAK_RESTART.confirmationId()).text(plainText(restart))
                .style("danger").value(buttonValue(cluster))
                .confirm(confirmationDialog(d -> d.title(plainText(t.t("cmak.dialogTitle"))).text(plainText(dialog))
                        .confirm(plainText(restart)).deny(plainText(t.t("button.cancel"))).style("danger")))))));
        if (simulated) {
            blocks.add(SlackText.note(SlackText.simulated(t)));
        }
        return new SlackMessage(t.t("cmak.text", name), blocks);
    }

    /**
     * The cluster named by a {@link OperationKind#confirmationId()} button's value; empty for anything this class
     * did not write (a missing part, an unknown service, a blank number).
     */
    public static Optional<ClusterRef> parseButtonValue(@Nullable String value) {
        if (value == null || value.length() > BUTTON_VALUE_MAX) {
            return Optional.empty();
        }
        String[] parts = value.split("\\|", 4);
        if (parts.length != 4 || parts[1].isBlank() || parts[2].isBlank() || parts[3].isBlank()) {
            return Optional.empty();
        }
        for (Product product : Product.values()) {
            if (product.command().equals(parts[0])) {
                return Optional.of(new ClusterRef(product, parts[2], parts[3], parts[1]));
            }
        }
        return Optional.empty();
    }

    /**
     * "kafka|KR|1234567|demo-kafka". The name comes last, so a '|' in it survives; it is cut if the value would pass
     * Slack's {@value #BUTTON_VALUE_MAX} characters (the number is what identifies the cluster).
     */
    static String buttonValue(ClusterRef cluster) {
        if (cluster.region().indexOf(SEPARATOR) >= 0 || cluster.number().indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("region and number must not contain '|': " + cluster.region() + ", " + cluster.number());
        }
        String prefix = cluster.product().command() + SEPARATOR + cluster.region() + SEPARATOR + cluster.number() + SEPARATOR;
        int room = BUTTON_VALUE_MAX - prefix.length();
        String name = cluster.name().length() <= room ? cluster.name() : cluster.name().substring(0, room);
        return prefix + name;
    }

    private static String cmakStatus(Texts t, Observation current) {
        List<NodeObservation> cmak = current.nodes().stream().filter(n -> n.role() == NodeRole.CMAK).toList();
        if (cmak.isEmpty()) {
            return ":grey_question: " + t.t("cmak.noStatus");
        }
        return "*CMAK:* " + String.join(", ", cmak.stream().limit(10)
                .map(n -> SlackText.statusEmoji(n.rawStatus(), n.health()) + " " + SlackText.escape(n.rawStatus())).toList());
    }
}

package io.ncprollout.slack.render;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.VersionChoice;
import io.ncprollout.slack.SlackIds.ActionIds;
import io.ncprollout.slack.SlackIds.BlockIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pure: the rolling-upgrade modal of a Kafka (CDSS) or OpenSearch (SES) cluster, rendered again after every
 * choice. It shows the cluster and its nodes, the current version, a select of the newer versions
 * ({@link BlockIds#TARGET_VERSION}), for Kafka a select of the chosen version's config groups
 * ({@link BlockIds#CONFIG_GROUP}), the documented cautions and the precheck line ({@link BlockIds#PRECHECK}).
 * Both selects set {@code dispatch_action}, so a choice sends {@code block_actions} and the handler can run the
 * precheck and {@code views.update} the modal with this class.
 *
 * <p>Slack requires a submit button on every view with an input block, and the selects must stay changeable
 * after a failed precheck, so a view with inputs always has a submit button:
 * <ul>
 *   <li>precheck passed for a complete choice: the name and reason inputs appear and the button says
 *       "Start upgrade";</li>
 *   <li>otherwise (no choice yet, precheck failed or not run): no name or reason input, and the button says
 *       "Run precheck". The submission handler must treat a submission without a passed precheck as "run the
 *       precheck again" and never start anything from it.</li>
 * </ul>
 * A cluster already on the newest version NCP offers gets a view without inputs and without submit.
 *
 * <p>Select options follow Slack's limits: at most {@value #OPTIONS_MAX} (the newest are kept, and the chosen one
 * always stays), text cut to {@value #OPTION_TEXT_MAX} characters, and a value of at most
 * {@value #OPTION_VALUE_MAX} characters; a version whose code is longer could not be sent back, so it is left out.
 * Option texts are plain_text, which Slack shows literally (no mentions or links), so they are cut, not escaped.
 */
public final class UpgradeViews {
    static final int OPTIONS_MAX = 100;
    static final int OPTION_TEXT_MAX = 75;
    static final int OPTION_VALUE_MAX = 150;
    /** Bundle key of the submit button once the precheck passed ("Start upgrade"). */
    static final String START = "upgrade.start";
    /** Bundle key of the submit button before ("Run precheck"). */
    static final String RUN_PRECHECK = "upgrade.runPrecheck";
    /** Bundle key of what a failed OpenSearch precheck that mentions a snapshot adds. */
    static final String SNAPSHOT_HELP = "upgrade.snapshotHelp";
    private static final List<String> KAFKA_CAUTIONS = List.of("upgrade.caution.kafka.1", "upgrade.caution.kafka.2", "upgrade.caution.kafka.3");
    private static final List<String> OPENSEARCH_CAUTIONS = List.of("upgrade.caution.opensearch.1", "upgrade.caution.opensearch.2");

    private final boolean simulated;

    /** @param simulated true when the embedded simulator serves: every view then says so */
    public UpgradeViews(boolean simulated) {
        this.simulated = simulated;
    }

    /**
     * The Kafka upgrade modal ({@code kafka-upgrade-confirm}).
     *
     * @throws IllegalArgumentException if the form's cluster is not a Kafka cluster
     */
    public View kafkaUpgrade(UpgradeForm form, Locale locale) {
        Objects.requireNonNull(form, "form == null");
        require(form.cluster().product() == Product.KAFKA, "kafkaUpgrade needs a Kafka cluster, not " + form.cluster().product());
        return render(Texts.of(locale), form, true);
    }

    /**
     * The OpenSearch upgrade modal ({@code opensearch-upgrade-confirm}).
     *
     * @throws IllegalArgumentException if the form's cluster is not an OpenSearch cluster or the form has config groups
     */
    public View openSearchUpgrade(UpgradeForm form, Locale locale) {
        Objects.requireNonNull(form, "form == null");
        require(form.cluster().product() == Product.OPENSEARCH, "openSearchUpgrade needs an OpenSearch cluster, not " + form.cluster().product());
        require(form.groups().isEmpty() && form.selectedGroup().isEmpty(), "OpenSearch has no config groups");
        return render(Texts.of(locale), form, false);
    }

    private View render(Texts t, UpgradeForm form, boolean kafka) {
        OperationKind kind = kafka ? OperationKind.KAFKA_UPGRADE : OperationKind.OPENSEARCH_UPGRADE;
        String callbackId = kind.confirmationId();
        String title = t.t(kafka ? "upgrade.title.kafka" : "upgrade.title.opensearch");
        List<LayoutBlock> blocks = new ArrayList<>(heading(t, form, kind));
        String current = SlackText.escape(form.options().current().name());
        if (form.options().newer().isEmpty()) {
            blocks.add(SlackText.text(":white_check_mark: " + t.t("upgrade.newest", SlackText.escape(form.cluster().name()), current)));
            return Modals.modal(t, callbackId, title, null, t.t("button.close"), form.privateMetadata(), blocks, simulated);
        }
        blocks.addAll(NodeLines.observed(t, form.current(), ConfirmationViews.NODE_LINES_MAX));
        blocks.add(SlackText.text(t.t("upgrade.currentVersion", current)));
        Optional<Precheck> precheck = choiceComplete(form, kafka) ? form.precheck() : Optional.empty();
        // a failed precheck leaves nothing to submit (and Slack wants a submit button under any input): the choices
        // made are plain lines, so nobody is asked for a value in vain; another version is another command
        boolean failed = precheck.isPresent() && !precheck.get().passed();
        boolean otherChoices = offered(form.options().newer(), form.selectedVersion(), VersionChoice::code).size() > 1
                || offered(form.groups(), form.selectedGroup(), ConfigGroupChoice::number).size() > 1;
        blocks.add(failed ? chosen(t, "upgrade.versionLabel", form.selectedVersion().map(VersionChoice::name)) : versionInput(t, form));
        if (kafka) {
            blocks.add(failed ? chosen(t, "upgrade.groupLabel", form.selectedGroup().map(UpgradeViews::groupText)) : groupBlock(t, form));
        }
        blocks.add(SlackText.text(":warning: " + String.join("\n:warning: ", (kafka ? KAFKA_CAUTIONS : OPENSEARCH_CAUTIONS).stream().map(t::t).toList())));
        blocks.add(precheckBlock(t, precheck, kafka, otherChoices, form.cluster()));
        if (failed) {
            return Modals.modal(t, callbackId, title, null, t.t("button.close"), form.privateMetadata(), blocks, simulated);
        }
        boolean ready = precheck.map(Precheck::passed).orElse(false);
        if (ready) {
            boolean anyway = form.mayStartAnyway() && form.schedule().isEmpty(); // at a later start's time, the gate decides
            blocks.addAll(ConfirmationViews.gateBlocks(t, form.gate(), anyway));
            if (form.gate().blocks() && !anyway) {
                return Modals.modal(t, callbackId, t.t("confirm.title.gateFailed"), null, t.t("button.close"), form.privateMetadata(), blocks, simulated);
            }
            form.schedule().ifPresent(note -> blocks.addAll(note.blocks(t)));
            blocks.add(ConfirmationViews.nameInput(t, form.cluster()));
            blocks.add(ConfirmationViews.reasonInput(t));
            if (form.gate().blocks()) {
                blocks.add(ConfirmationViews.startAnywayInput(t));
            }
        }
        String submit = !ready ? t.t(RUN_PRECHECK) : form.schedule().isPresent() ? t.t("schedule.submit") : t.t(START);
        return Modals.modal(t, callbackId, title, submit, t.t("button.cancel"), form.privateMetadata(), blocks, simulated);
    }

    private static List<LayoutBlock> heading(Texts t, UpgradeForm form, OperationKind kind) {
        return List.of(ConfirmationViews.heading(t, kind, form.cluster()),
                SlackText.note(String.join(" · ", ConfirmationViews.facts(t, form.cluster(), form.current().clusterStatus()))));
    }

    private static LayoutBlock versionInput(Texts t, UpgradeForm form) {
        if (offered(form.options().newer(), form.selectedVersion(), VersionChoice::code).isEmpty()) {
            return SlackText.text(":warning: " + t.t("upgrade.noUsableVersion"));
        }
        return select(BlockIds.TARGET_VERSION, ActionIds.TARGET_VERSION_SELECT, t.t("upgrade.versionLabel"), t.t("upgrade.versionPlaceholder"),
                form.options().newer(), form.selectedVersion(), VersionChoice::code, VersionChoice::name);
    }

    /** The config group select of the chosen version, or a line that says why there is none to choose. */
    private static LayoutBlock groupBlock(Texts t, UpgradeForm form) {
        if (form.selectedVersion().isEmpty()) {
            return SlackText.note(t.t("upgrade.chooseVersionFirst"));
        }
        if (offered(form.groups(), form.selectedGroup(), ConfigGroupChoice::number).isEmpty()) {
            return SlackText.text(":warning: " + t.t("upgrade.noConfigGroup", SlackText.escape(form.selectedVersion().get().name())));
        }
        return select(BlockIds.CONFIG_GROUP, ActionIds.CONFIG_GROUP_SELECT, t.t("upgrade.groupLabel"), t.t("upgrade.groupPlaceholder"),
                form.groups(), form.selectedGroup(), ConfigGroupChoice::number, UpgradeViews::groupText);
    }

    /** "default-390 (#301)"; a long name is cut so that the number stays visible. */
    static String groupText(ConfigGroupChoice group) {
        String suffix = " (#" + group.number() + ")";
        if (group.name().isBlank()) {
            return SlackText.plain(suffix.strip(), OPTION_TEXT_MAX, "#");
        }
        return SlackText.cut(group.name(), Math.max(1, OPTION_TEXT_MAX - suffix.length())) + SlackText.cut(suffix, OPTION_TEXT_MAX - 1);
    }

    /** "*Target version:* Kafka 3.9.0", the choice made, where there is nothing else to choose. */
    private static LayoutBlock chosen(Texts t, String labelKey, Optional<String> value) {
        return SlackText.text("*" + t.t(labelKey) + ":* " + SlackText.escape(value.orElse("?")));
    }

    private static SectionBlock precheckBlock(Texts t, Optional<Precheck> precheck, boolean kafka, boolean otherChoices,
            io.ncprollout.rollout.cluster.ClusterRef cluster) {
        String text;
        if (precheck.isEmpty()) {
            text = ":hourglass_flowing_sand: " + t.t(kafka ? "upgrade.precheckWhen.kafka" : "upgrade.precheckWhen.opensearch");
        } else if (precheck.get().passed()) {
            text = ":white_check_mark: " + t.t("precheck.passed", SlackText.user(precheck.get().message()));
        } else {
            String message = precheck.get().message();
            text = ":x: " + t.t("precheck.failed") + "\n>" + SlackText.user(message).replace("\n", "\n>");
            if (!kafka && message.toLowerCase(Locale.ROOT).contains("snapshot")) {
                text += "\n" + t.t(SNAPSHOT_HELP);
            }
            text += "\n" + (otherChoices ? t.t("upgrade.precheckFailed.hint", "/" + cluster.product().command() + " upgrade "
                    + SlackText.escape(cluster.name()) + " &lt;version&gt;") : t.t("upgrade.precheckFailed.rerun"));
        }
        SectionBlock block = SlackText.text(text);
        block.setBlockId(BlockIds.PRECHECK);
        return block;
    }

    private static boolean choiceComplete(UpgradeForm form, boolean kafka) {
        return form.selectedVersion().isPresent() && (!kafka || form.selectedGroup().isPresent());
    }

    /**
     * An input block holding a static select that dispatches its choice. The caller makes sure something is offered.
     * A blank text shows the value instead, and the initial option is the very option offered for the selected value
     * (NCP may list two versions with one code: only the first is offered, and Slack wants the initial option to be
     * one of the options, text included).
     */
    private static <T> LayoutBlock select(String blockId, String actionId, String label, String placeholder, List<T> all,
            Optional<T> selected, Function<T, String> value, Function<T, String> text) {
        Function<T, OptionObject> toOption = t -> option(plainText(SlackText.plain(text.apply(t), OPTION_TEXT_MAX, value.apply(t))), value.apply(t));
        List<OptionObject> options = offered(all, selected, value).stream().map(toOption).toList();
        Optional<OptionObject> initial = selected.map(value)
                .flatMap(v -> options.stream().filter(o -> o.getValue().equals(v)).findFirst());
        return input(i -> i.blockId(blockId).label(plainText(label)).dispatchAction(true)
                .element(staticSelect(s -> s.actionId(actionId).placeholder(plainText(placeholder)).options(options)
                        .initialOption(initial.orElse(null)))));
    }

    /**
     * The choices a select offers, in the given order: at most {@value #OPTIONS_MAX}, the last ones kept (the
     * newest, for versions, which NCP lists oldest first), the selected one always among them, no two with the
     * same value, none with a value Slack would refuse.
     */
    static <T> List<T> offered(List<T> all, Optional<T> selected, Function<T, String> value) {
        Map<String, T> byValue = new LinkedHashMap<>();
        all.stream().filter(t -> usableValue(value.apply(t))).forEach(t -> byValue.putIfAbsent(value.apply(t), t));
        List<T> usable = new ArrayList<>(byValue.values());
        List<T> kept = new ArrayList<>(usable.subList(Math.max(0, usable.size() - OPTIONS_MAX), usable.size()));
        Optional<T> missing = selected.filter(s -> usableValue(value.apply(s)))
                .filter(s -> kept.stream().noneMatch(k -> value.apply(k).equals(value.apply(s))));
        if (missing.isPresent()) {
            if (kept.size() == OPTIONS_MAX) {
                kept.remove(0);
            }
            kept.add(0, missing.get());
        }
        return kept;
    }

    /** Slack wants an option value of 1 to {@value #OPTION_VALUE_MAX} characters, and a blank one names nothing. */
    private static boolean usableValue(String value) {
        return !value.isBlank() && value.length() <= OPTION_VALUE_MAX;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

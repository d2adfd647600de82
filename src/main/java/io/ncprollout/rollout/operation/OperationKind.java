package io.ncprollout.rollout.operation;

import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The operations the bot runs on NCP: the extension point of the bot. A kind owns what is the same wherever it
 * appears: the action word of its slash command, its words (as message keys, rendered in the reader's language by
 * the Slack side), the role of node whose count makes the overall progress line ("2/3 brokers done"), whether it
 * ends at a target version, how it is confirmed and the id its confirmation carries, and the rule that says it is
 * complete.
 *
 * <p>An enum rather than a sealed interface: kinds are stored by {@link #name()} (the store reads them back with
 * {@code valueOf}), tests iterate {@link #values()}, and every adapter dispatches on a kind with an exhaustive
 * {@code switch} expression (NCP calls in {@code NcpOperationsGateway}, the command flow in
 * {@code RolloutCommandHandler}), so the compiler refuses a new kind until each adapter says what it does.
 * The README's "Adding an operation kind" lists the places; {@code OperationKindChecklistTest} fails for a kind
 * that lacks any of them.
 */
public enum OperationKind {
    KAFKA_RESTART(Product.KAFKA, "restart", NodeRole.BROKER, false, Confirmation.TYPED_NAME, "kafka-restart-confirm",
            s -> s.changeSeen() && s.allSettled() && s.membersComplete() && s.running()),
    KAFKA_UPGRADE(Product.KAFKA, "upgrade", NodeRole.BROKER, true, Confirmation.TYPED_NAME, "kafka-upgrade-confirm",
            s -> s.changeSeen() && s.allSettled() && s.membersComplete() && s.running() && s.reachedTarget()),
    CMAK_RESTART(Product.KAFKA, "restart-cmak", NodeRole.CMAK, false, Confirmation.BUTTON, "cmak-restart-confirm",
            s -> s.changeSeen() && s.allSettled()),
    // managers may never report "complete", so per-node statuses do not decide
    OPENSEARCH_UPGRADE(Product.OPENSEARCH, "upgrade", NodeRole.DATA, true, Confirmation.TYPED_NAME, "opensearch-upgrade-confirm",
            s -> s.running() && s.reachedTarget());

    /** How a person confirms the start of an operation. */
    public enum Confirmation {
        /** A form in which the person types the cluster's name and a reason (a modal, after the precheck). */
        TYPED_NAME,
        /** One button pressed after a confirm dialog; the reason is fixed. */
        BUTTON
    }

    /** The words every kind has in the message bundles, each under {@link #messageKey(Word)}. */
    public enum Word {
        /** A capitalised noun phrase: "Rolling restart". */
        TITLE("kind.%s"),
        /** The same in running text: "rolling restart". */
        TITLE_LOWER("kind.%s.lower"),
        /** The confirmation's title: "Confirm restart". */
        CONFIRM_TITLE("confirm.title.%s"),
        /** The confirmation's start button: "Start restart". */
        CONFIRM_SUBMIT("confirm.submit.%s"),
        /** What may go wrong, said above the confirmation. */
        CAUTION("caution.%s"),
        /** The command's line in help: "rolling restart". */
        HELP("help.%s");

        private final String pattern;

        Word(String pattern) {
            this.pattern = pattern;
        }
    }

    /**
     * What the tracker knows after a poll, from which a kind's completion rule decides.
     *
     * @param changeSeen      a poll since the start showed the operation at work
     * @param allSettled      there are nodes, and every one is settled
     * @param membersComplete as many members as nodes
     * @param running         the cluster's phase is RUNNING
     * @param reachedTarget   the cluster reports the target version
     */
    public record Progress(boolean changeSeen, boolean allSettled, boolean membersComplete, boolean running, boolean reachedTarget) {
    }

    private final Product product;
    private final String action;
    private final NodeRole countedRole;
    private final boolean versioned;
    private final Confirmation confirmation;
    private final String confirmationId;
    private final Predicate<Progress> complete;

    OperationKind(Product product, String action, NodeRole countedRole, boolean versioned, Confirmation confirmation, String confirmationId,
            Predicate<Progress> complete) {
        this.product = product;
        this.action = action;
        this.countedRole = countedRole;
        this.versioned = versioned;
        this.confirmation = confirmation;
        this.confirmationId = confirmationId;
        this.complete = complete;
    }

    public Product product() {
        return product;
    }

    /** The action word of the slash command and of permission rules: {@code restart}, {@code upgrade}, {@code restart-cmak}. */
    public String action() {
        return action;
    }

    /** The bundle key of {@code word} for this kind, e.g. {@code kind.KAFKA_RESTART} for {@link Word#TITLE}. */
    public String messageKey(Word word) {
        return String.format(Locale.ROOT, word.pattern, name());
    }

    /** The role counted in the overall progress line. */
    public NodeRole countedRole() {
        return countedRole;
    }

    /** True when the operation completes only once the cluster reports the target version. */
    public boolean isVersioned() {
        return versioned;
    }

    /** True when the start names a config group besides the version (a Kafka upgrade). */
    public boolean needsConfigGroup() {
        return this == KAFKA_UPGRADE;
    }

    public Confirmation confirmation() {
        return confirmation;
    }

    /**
     * The id the confirmation carries back from the chat (a modal's callback id, or a button's action id). It never
     * changes once released: open modals and posted buttons hold it.
     */
    public String confirmationId() {
        return confirmationId;
    }

    /** The completion rule: true when {@code progress} shows this operation done. */
    public boolean isComplete(Progress progress) {
        return complete.test(Objects.requireNonNull(progress, "progress == null"));
    }

    /** The kind {@code /<service> <action>} starts, if any (the action in any case). */
    public static Optional<OperationKind> find(Product product, String action) {
        String lower = action.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.product == product && k.action.equals(lower)).findFirst();
    }
}

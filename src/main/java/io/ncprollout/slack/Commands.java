package io.ncprollout.slack;

import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Every subcommand of {@code /kafka} and {@code /opensearch}: the one table that both the parser ({@link CommandParser})
 * and the help ({@code StatusMessages.help}) read, so help can never leave out a command the bot accepts. The
 * commands that start an operation are not listed here but come from {@link OperationKind}: one per kind of the
 * service, with the kind's action word, in the kinds' order.
 */
public final class Commands {
    private Commands() {
    }

    /** What a command takes after its word. */
    public enum Shape {
        NONE, CLUSTER, CLUSTER_VERSION, OPTIONAL_CLUSTER, CLUSTER_REASON,
        /** Nothing (list the scheduled runs), or {@code cancel <id>}. */
        SCHEDULE
    }

    /**
     * One subcommand of one service.
     *
     * @param word       the word typed after the slash command: {@code restart-cmak}
     * @param arguments  how its arguments are written in help: {@code <cluster> [version]}; empty when it takes none
     * @param shape      what it takes after its word
     * @param adminsOnly only the admins of the configuration file may run it
     * @param helpKey    the bundle key of its line in help: {@code help.status.kafka}, {@code help.KAFKA_RESTART}
     */
    public record Command(String word, String arguments, Shape shape, boolean adminsOnly, String helpKey) {
        public Command {
            Objects.requireNonNull(word, "word == null");
            Objects.requireNonNull(arguments, "arguments == null");
            Objects.requireNonNull(shape, "shape == null");
            Objects.requireNonNull(helpKey, "helpKey == null");
        }

        /** The command that starts {@code kind}: {@code upgrade <cluster> [version]} for a versioned kind. */
        static Command of(OperationKind kind) {
            return kind.isVersioned()
                    ? new Command(kind.action(), "<cluster> [version]", Shape.CLUSTER_VERSION, false, kind.messageKey(OperationKind.Word.HELP))
                    : new Command(kind.action(), "<cluster>", Shape.CLUSTER, false, kind.messageKey(OperationKind.Word.HELP));
        }

        /** {@code /kafka upgrade <cluster> [version]}. */
        public String usage(Product product) {
            return "/" + product.command() + " " + word + (arguments.isEmpty() ? "" : " " + arguments);
        }
    }

    /** The commands of {@code service}, in the order help lists them: reading, starting operations, then admin. */
    public static List<Command> of(Product product) {
        List<Command> all = new ArrayList<>();
        all.add(new Command("list", "", Shape.NONE, false, "help.list"));
        all.add(new Command("status", "<cluster>", Shape.CLUSTER, false, "help.status." + product.command()));
        for (OperationKind kind : OperationKind.values()) {
            if (kind.product() == product) {
                all.add(Command.of(kind));
            }
        }
        all.add(new Command("history", "[cluster]", Shape.OPTIONAL_CLUSTER, false, "help.history"));
        all.add(new Command("fleets", "", Shape.NONE, false, "help.fleets"));
        all.add(new Command("schedule", "[cancel <id>]", Shape.SCHEDULE, false, "help.schedule"));
        all.add(new Command("freeze", "<cluster|all> <reason>", Shape.CLUSTER_REASON, true, "help.freeze"));
        all.add(new Command("unfreeze", "<cluster|all>", Shape.CLUSTER, true, "help.unfreeze"));
        all.add(new Command("abandon", "<cluster> <reason>", Shape.CLUSTER_REASON, true, "help.abandon"));
        all.add(new Command("help", "", Shape.NONE, false, "help.help"));
        return List.copyOf(all);
    }

    /** The command {@code word} names for {@code service}, if any (case does not matter). */
    public static Optional<Command> find(Product product, String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return of(product).stream().filter(c -> c.word().equals(lower)).findFirst();
    }

    /** The words of {@code service}'s commands: {@code list, status, …}. */
    public static List<String> words(Product product) {
        return of(product).stream().map(Command::word).toList();
    }
}

package io.ncprollout.slack.command;

import io.ncprollout.rollout.Service;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every subcommand of {@code /kafka} and {@code /opensearch}: the one table that both the parser ({@link CommandParser})
 * and the help ({@code StatusMessages.help}) read, so help can never leave out a command the bot accepts.
 */
public enum Commands {
    LIST("list", "", Shape.NONE, false, "help.list", EnumSet.allOf(Service.class)),
    STATUS("status", "<cluster>", Shape.CLUSTER, false, "help.status.", EnumSet.allOf(Service.class)),
    RESTART("restart", "<cluster>", Shape.CLUSTER, false, "help.restart", EnumSet.of(Service.KAFKA)),
    UPGRADE("upgrade", "<cluster> [version]", Shape.CLUSTER_VERSION, false, "help.upgrade.", EnumSet.allOf(Service.class)),
    RESTART_CMAK("restart-cmak", "<cluster>", Shape.CLUSTER, false, "help.restartCmak", EnumSet.of(Service.KAFKA)),
    HISTORY("history", "[cluster]", Shape.OPTIONAL_CLUSTER, false, "help.history", EnumSet.allOf(Service.class)),
    FREEZE("freeze", "<cluster|all> <reason>", Shape.CLUSTER_REASON, true, "help.freeze", EnumSet.allOf(Service.class)),
    UNFREEZE("unfreeze", "<cluster|all>", Shape.CLUSTER, true, "help.unfreeze", EnumSet.allOf(Service.class)),
    ABANDON("abandon", "<cluster> <reason>", Shape.CLUSTER_REASON, true, "help.abandon", EnumSet.allOf(Service.class)),
    HELP("help", "", Shape.NONE, false, "help.help", EnumSet.allOf(Service.class));

    /** What a command takes after its word. */
    public enum Shape {
        NONE, CLUSTER, CLUSTER_VERSION, OPTIONAL_CLUSTER, CLUSTER_REASON
    }

    private final String word;
    private final String arguments;
    private final Shape shape;
    private final boolean adminsOnly;
    private final String helpKey;
    private final Set<Service> services;

    Commands(String word, String arguments, Shape shape, boolean adminsOnly, String helpKey, Set<Service> services) {
        this.word = word;
        this.arguments = arguments;
        this.shape = shape;
        this.adminsOnly = adminsOnly;
        this.helpKey = helpKey;
        this.services = services;
    }

    /** The word typed after the slash command: {@code restart-cmak}. */
    public String word() {
        return word;
    }

    /** How its arguments are written in help: {@code <cluster> [version]}; empty when it takes none. */
    public String arguments() {
        return arguments;
    }

    public Shape shape() {
        return shape;
    }

    /** Only the admins of the configuration file may run it. */
    public boolean adminsOnly() {
        return adminsOnly;
    }

    /** The bundle key of its line in help, for {@code service}: {@code help.status.kafka}, {@code help.restart}. */
    public String helpKey(Service service) {
        return helpKey.endsWith(".") ? helpKey + service.command() : helpKey;
    }

    /** {@code /kafka upgrade <cluster> [version]}. */
    public String usage(Service service) {
        return "/" + service.command() + " " + word + (arguments.isEmpty() ? "" : " " + arguments);
    }

    /** The commands of {@code service}, in the order help lists them. */
    public static List<Commands> of(Service service) {
        return Arrays.stream(values()).filter(c -> c.services.contains(service)).toList();
    }

    /** The command {@code word} names for {@code service}, if any (case does not matter). */
    public static Optional<Commands> find(Service service, String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return of(service).stream().filter(c -> c.word.equals(lower)).findFirst();
    }

    /** The words of {@code service}'s commands: {@code list, status, …}. */
    public static List<String> words(Service service) {
        return of(service).stream().map(Commands::word).toList();
    }
}

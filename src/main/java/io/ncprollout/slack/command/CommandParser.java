package io.ncprollout.slack.command;

import io.ncprollout.config.DidYouMean;
import io.ncprollout.config.DurationText;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.fleet.FleetSpec;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.slack.Commands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Pure parser of {@code /kafka …} and {@code /opensearch …} text into a {@link CommandLine}. Every mistake is a
 * {@link UsageException} that tells the user, in their language, what to type instead.
 *
 * <p>The commands and their shapes are the table {@link Commands}, which help lists too; any of them takes
 * {@code --region kr|sgn|jpn|krs} (or {@code --region=sgn}). A mistyped command gets the nearest one as a hint.
 */
public final class CommandParser {
    static final int MAX_TEXT = 300;
    private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    /** A fleet's clusters: a glob ({@code orders-*}) or a list ({@code a,b,c}). */
    private static final Pattern FLEET = Pattern.compile("[A-Za-z0-9_.*?,-]{1,200}");
    /** A scheduled run's id as the bot makes them (a UUID), or any such word: anything else is a typo. */
    private static final Pattern SCHEDULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("\\d{1,12}(\\.\\d{1,6}){0,3}");
    private static final Set<String> REGIONS = Set.of("KR", "SGN", "JPN", "KRS");

    private CommandParser() {
    }

    /**
     * @param command the slash command as Slack sends it, e.g. {@code /kafka}
     * @param text    what the user typed after it
     * @throws UsageException when the text is not a command of {@code command}
     */
    public static CommandLine parse(String command, String text) {
        Product product = product(command);
        if (text.length() > MAX_TEXT) {
            throw new UsageException(UsageException.part("usage.tooLong", text.length()), hint(product));
        }
        Optional<String> region = Optional.empty();
        Optional<Integer> wave = Optional.empty();
        Optional<Duration> pause = Optional.empty();
        Optional<String> configGroup = Optional.empty();
        Optional<AtTime> at = Optional.empty();
        boolean all = false;
        List<String> words = new ArrayList<>();
        String[] tokens = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equalsIgnoreCase("--region") || token.toLowerCase(Locale.ROOT).startsWith("--region=")) {
                String value = token.contains("=") ? token.substring(token.indexOf('=') + 1)
                        : i + 1 < tokens.length ? tokens[++i] : "";
                region = Optional.of(region(value));
            } else if (token.equalsIgnoreCase("--wave") || token.toLowerCase(Locale.ROOT).startsWith("--wave=")) {
                wave = Optional.of(wave(token.contains("=") ? token.substring(token.indexOf('=') + 1) : i + 1 < tokens.length ? tokens[++i] : ""));
            } else if (token.equalsIgnoreCase("--pause") || token.toLowerCase(Locale.ROOT).startsWith("--pause=")) {
                pause = Optional.of(pause(token.contains("=") ? token.substring(token.indexOf('=') + 1) : i + 1 < tokens.length ? tokens[++i] : ""));
            } else if (token.equalsIgnoreCase("--config-group") || token.toLowerCase(Locale.ROOT).startsWith("--config-group=")) {
                configGroup = Optional.of(configGroup(token.contains("=") ? token.substring(token.indexOf('=') + 1) : i + 1 < tokens.length ? tokens[++i] : ""));
            } else if (token.equalsIgnoreCase("--at")) {
                AtTime.Read read = AtTime.read(tokens, i + 1);
                at = Optional.of(read.at());
                i += read.used();
            } else if (token.toLowerCase(Locale.ROOT).startsWith("--at=")) {
                String[] rest = tokens.clone();
                rest[i] = token.substring(token.indexOf('=') + 1);
                AtTime.Read read = AtTime.read(rest, i);
                at = Optional.of(read.at());
                i += read.used() - 1;
            } else if (token.equalsIgnoreCase("--all")) {
                all = true;
            } else if (token.startsWith("--")) {
                throw new UsageException(UsageException.part("usage.unknownOption", clip(token)));
            } else {
                words.add(token);
            }
        }
        String typed = words.isEmpty() ? "help" : words.get(0);
        Commands.Command sub = Commands.find(product, typed).orElseThrow(() -> new UsageException(Stream.concat(
                Stream.of(UsageException.part("usage.notACommand", product.command(), clip(typed))),
                Stream.concat(DidYouMean.closest(typed, Commands.words(product)).map(w -> UsageException.part("usage.didYouMean", product.command(), w)).stream(),
                        Stream.of(hint(product)))).toArray(UsageException.Part[]::new)));
        String action = sub.word();
        List<String> args = new ArrayList<>(words.isEmpty() ? List.of() : words.subList(1, words.size()));
        boolean fleetCommand = OperationKind.find(product, action).filter(k -> k.confirmation() == OperationKind.Confirmation.TYPED_NAME).isPresent();
        if ((all || wave.isPresent() || pause.isPresent() || configGroup.isPresent()) && !fleetCommand) {
            throw new UsageException(UsageException.part("usage.notAFleetCommand", product.command(), action));
        }
        if (all) {
            args.add(0, FLEET_ALL);
        }
        CommandLine line = switch (sub.shape()) {
            case OPTIONAL_CLUSTER -> history(product, args, region);
            case CLUSTER_REASON -> withReason(product, action, args, region);
            case NONE -> noCluster(product, action, args, region);
            case SCHEDULE -> schedule(product, args, region);
            case CLUSTER, CLUSTER_VERSION -> onCluster(product, action, sub.shape() == Commands.Shape.CLUSTER_VERSION, fleetCommand, args, region);
        };
        if (configGroup.isPresent() && OperationKind.find(product, action).filter(OperationKind::needsConfigGroup).isEmpty()) {
            throw new UsageException(UsageException.part("usage.configGroupOnlyKafkaUpgrade", product.command(), action));
        }
        if (at.isPresent() && !fleetCommand) {
            throw new UsageException(UsageException.part("usage.atNotHere", product.command(), action));
        }
        return new CommandLine(line.product(), line.action(), line.cluster(), line.version(), line.region(), line.reason(), wave, pause, configGroup, at,
                line.scheduleId());
    }

    private static String configGroup(String value) {
        if (!CLUSTER.matcher(value).matches()) {
            throw new UsageException(UsageException.part("usage.notAConfigGroup", clip(value)));
        }
        return value;
    }

    /** What {@code --all} stands for among the clusters. */
    public static final String FLEET_ALL = "--all";

    private static int wave(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= FleetSpec.MAX_WAVE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(UsageException.part("usage.notAWave", clip(value), FleetSpec.MAX_WAVE));
    }

    private static Duration pause(String value) {
        try {
            Duration d = DurationText.parseNonNegative(value);
            if (d.compareTo(FleetSpec.MAX_PAUSE) <= 0) {
                return d;
            }
        } catch (RuntimeException e) {
            // said below
        }
        throw new UsageException(UsageException.part("usage.notAPause", clip(value)));
    }

    private static CommandLine history(Product product, List<String> args, Optional<String> region) {
        if (args.size() > 1) {
            throw new UsageException(UsageException.part("usage.unexpected", clip(args.get(1))), UsageException.part("usage.usage", "`/" + product.command() + " history [cluster]`"));
        }
        Optional<String> cluster = args.stream().findFirst();
        cluster.filter(c -> !CLUSTER.matcher(c).matches()).ifPresent(c -> {
            throw new UsageException(UsageException.part("usage.notACluster", clip(c)));
        });
        return new CommandLine(product, "history", cluster, Optional.empty(), region, Optional.empty());
    }

    /** {@code freeze <cluster|all> <reason>} and {@code abandon <cluster> <reason>}: both audited with their reason. */
    private static CommandLine withReason(Product product, String action, List<String> args, Optional<String> region) {
        boolean freeze = "freeze".equals(action);
        String usage = "`/" + product.command() + " " + action + (freeze ? " <cluster|all>" : " <cluster>") + " <reason>`";
        if (args.size() < 2) {
            throw new UsageException(UsageException.part(freeze ? "usage.nameOrAllAndReason" : "usage.nameAndReason", usage));
        }
        if (!CLUSTER.matcher(args.get(0)).matches() || (!freeze && args.get(0).equalsIgnoreCase("all"))) {
            throw new UsageException(UsageException.part("usage.notACluster", clip(args.get(0))), UsageException.part("usage.usage", usage));
        }
        return new CommandLine(product, action, Optional.of(args.get(0)), Optional.empty(), region,
                Optional.of(String.join(" ", args.subList(1, args.size()))));
    }

    private static CommandLine noCluster(Product product, String action, List<String> args, Optional<String> region) {
        if (!args.isEmpty()) {
            throw new UsageException(UsageException.part("usage.takesNoCluster", product.command(), action, clip(args.get(0))));
        }
        return new CommandLine(product, action, Optional.empty(), Optional.empty(), region, Optional.empty());
    }

    /** {@code schedule} (the list) or {@code schedule cancel <id>}. */
    private static CommandLine schedule(Product product, List<String> args, Optional<String> region) {
        if (args.isEmpty()) {
            return new CommandLine(product, "schedule", Optional.empty(), Optional.empty(), region, Optional.empty());
        }
        if (!args.get(0).equalsIgnoreCase("cancel")) {
            throw new UsageException(UsageException.part("usage.scheduleWhat", product.command(), clip(args.get(0))));
        }
        if (args.size() < 2) {
            throw new UsageException(UsageException.part("usage.scheduleCancelNeedsId", product.command()));
        }
        if (!SCHEDULE_ID.matcher(args.get(1)).matches()) {
            throw new UsageException(UsageException.part("usage.notAScheduleId", clip(args.get(1)), product.command()));
        }
        if (args.size() > 2) {
            throw new UsageException(UsageException.part("usage.unexpected", clip(args.get(2))),
                    UsageException.part("usage.usage", "`/" + product.command() + " schedule cancel <id>`"));
        }
        return new CommandLine(product, "schedule", Optional.empty(), Optional.empty(), region, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(args.get(1)));
    }

    private static CommandLine onCluster(Product product, String action, boolean versioned, boolean fleet, List<String> args, Optional<String> region) {
        String usage = "`/" + product.command() + " " + action + " <cluster>" + (versioned ? " [version]`" : "`");
        if (args.isEmpty()) {
            throw new UsageException(UsageException.part("usage.nameTheCluster", usage));
        }
        String cluster = args.get(0);
        boolean fleetPattern = fleet && (cluster.equals(FLEET_ALL) || FLEET.matcher(cluster).matches());
        if (!CLUSTER.matcher(cluster).matches() && !fleetPattern) {
            throw new UsageException(UsageException.part("usage.notACluster", clip(cluster)), UsageException.part("usage.usage", usage));
        }
        int maxArgs = versioned ? 2 : 1;
        if (args.size() > maxArgs) {
            throw new UsageException(UsageException.part("usage.unexpected", clip(args.get(maxArgs))), UsageException.part("usage.usage", usage));
        }
        Optional<String> version = args.size() > 1 ? Optional.of(args.get(1)) : Optional.empty();
        version.filter(v -> !VERSION.matcher(v).matches()).ifPresent(v -> {
            throw new UsageException(UsageException.part("usage.notAVersion", clip(v)));
        });
        return new CommandLine(product, action, Optional.of(cluster), version, region, Optional.empty());
    }

    private static Product product(String command) {
        for (Product product : Product.values()) {
            if (command.equals("/" + product.command())) {
                return product;
            }
        }
        throw new UsageException(UsageException.part("usage.unknownCommand", clip(command)));
    }

    private static String region(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (!REGIONS.contains(upper)) {
            throw new UsageException(UsageException.part("usage.notARegion", clip(value)));
        }
        return upper;
    }

    private static UsageException.Part hint(Product product) {
        return UsageException.part("usage.hint", product.command());
    }

    /** Keeps echoed user text short so that an error message cannot be used to post a wall of text. */
    private static String clip(String text) {
        String safe = text.replace("`", "'");
        return safe.length() <= 40 ? safe : safe.substring(0, 40) + "…";
    }
}

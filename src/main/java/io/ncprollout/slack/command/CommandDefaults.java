package io.ncprollout.slack.command;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a command assumes when the user does not say: the region (per channel, else the bot's), and short names
 * for clusters.
 *
 * @param region         the bot's default region ({@code NCP_REGION})
 * @param channelRegions default regions per channel id (the configuration file's {@code regions})
 * @param aliases        cluster aliases (the configuration file's {@code aliases})
 * @param readOnly       true when no permissions are configured against the real NCP API: help says only reads work
 */
public record CommandDefaults(String region, Map<String, String> channelRegions, Map<String, String> aliases, boolean readOnly) {
    public CommandDefaults {
        Objects.requireNonNull(region, "region == null");
        channelRegions = Map.copyOf(channelRegions);
        aliases = Map.copyOf(aliases);
    }

    public static CommandDefaults of(String region) {
        return new CommandDefaults(region, Map.of(), Map.of(), false);
    }

    String regionFor(String channelId) {
        return channelRegions.getOrDefault(channelId, region);
    }

    /** The cluster an alias stands for, or what was typed; in a fleet's list ({@code orders,payments-prod}) each name. */
    String cluster(String typed) {
        if (typed.contains(",")) {
            return java.util.Arrays.stream(typed.split(",")).map(String::trim).map(this::one).collect(java.util.stream.Collectors.joining(","));
        }
        return one(typed);
    }

    private String one(String typed) {
        return aliases.getOrDefault(typed.toLowerCase(Locale.ROOT), aliases.getOrDefault(typed, typed));
    }
}

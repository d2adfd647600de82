package io.ncprollout.slack.command;

import java.util.Objects;

/**
 * One accepted slash command and the request details the follow-up work needs.
 *
 * @param line        the parsed command
 * @param cluster     the cluster argument with aliases resolved; empty for commands without one
 * @param region      the region it applies to ({@code --region}, else the channel's, else the bot's default)
 * @param userId      the verified Slack user id of the person who typed it
 * @param channelId   where it was typed
 * @param triggerId   the trigger that may open one modal within 3 s
 * @param responseUrl where ephemeral answers go, even in channels the bot is not in
 */
public record Invocation(CommandLine line, String cluster, String region, String userId, String channelId, String triggerId,
        String responseUrl) {
    public Invocation {
        Objects.requireNonNull(line, "line == null");
        Objects.requireNonNull(cluster, "cluster == null");
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(userId, "userId == null");
        Objects.requireNonNull(channelId, "channelId == null");
    }
}

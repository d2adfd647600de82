package io.ncprollout.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack part of the environment. Socket Mode when {@code SLACK_APP_TOKEN} is set, otherwise HTTP mode
 * on {@link #port()} at {@code /slack/events}, which needs the signing secret.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN}, {@code xoxb-…}
 * @param appToken      {@code SLACK_APP_TOKEN}, {@code xapp-…}: Socket Mode
 * @param signingSecret {@code SLACK_SIGNING_SECRET}: verifies HTTP requests
 * @param port          {@code PORT}, default 3000
 * @param apiUrl        {@code SLACK_API_URL}, default {@code https://slack.com/api/}, always ending in {@code /}
 */
public record SlackSettings(
        Optional<String> botToken, Optional<String> appToken, Optional<String> signingSecret, int port, String apiUrl) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    /** True when any Slack credential is set: the bot then runs against Slack, and all it needs must be set. */
    public boolean configured() {
        return botToken.isPresent() || appToken.isPresent() || signingSecret.isPresent();
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }

    static SlackSettings fromEnv(Map<String, String> env, List<String> problems) {
        Optional<String> bot = EnvValues.nonBlank(env, "SLACK_BOT_TOKEN");
        Optional<String> app = EnvValues.nonBlank(env, "SLACK_APP_TOKEN");
        Optional<String> secret = EnvValues.nonBlank(env, "SLACK_SIGNING_SECRET");
        boolean any = bot.isPresent() || app.isPresent() || secret.isPresent();
        if (any && bot.isEmpty()) {
            problems.add("SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page");
        }
        bot.filter(t -> !t.startsWith("xoxb-")).ifPresent(t ->
                problems.add("SLACK_BOT_TOKEN must be a bot token starting with xoxb-"));
        app.filter(t -> !t.startsWith("xapp-")).ifPresent(t ->
                problems.add("SLACK_APP_TOKEN must be an app-level token starting with xapp- (with the connections:write scope)"));
        if (any && app.isEmpty() && secret.isEmpty()) {
            problems.add("SLACK_SIGNING_SECRET is missing: HTTP mode verifies every request with it"
                    + " (or set SLACK_APP_TOKEN to use Socket Mode instead)");
        }
        int port = EnvValues.port(env, "PORT", 3000, problems);
        String apiUrl = EnvValues.nonBlank(env, "SLACK_API_URL").orElse(DEFAULT_API_URL);
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            problems.add("SLACK_API_URL='" + apiUrl + "' must be an http(s) URL such as https://slack.com/api/");
        }
        return new SlackSettings(bot, app, secret, port, apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=" + mask(botToken) + ", appToken=" + mask(appToken) + ", signingSecret="
                + mask(signingSecret) + ", port=" + port + ", apiUrl=" + apiUrl + "]";
    }

    private static String mask(Optional<String> secret) {
        return secret.isPresent() ? "***" : "<none>";
    }
}

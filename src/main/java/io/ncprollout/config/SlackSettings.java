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
 * @param managementPort {@code METRICS_PORT}: where {@code /healthz} and {@code /metrics} are served; see
 *                      {@link #managementPortOf}
 */
public record SlackSettings(
        Optional<String> botToken, Optional<String> appToken, Optional<String> signingSecret, int port, String apiUrl, int managementPort) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    /** The management port in HTTP mode when {@code METRICS_PORT} is not set: never the public Slack listener. */
    public static final int DEFAULT_METRICS_PORT = 9090;
    /** {@code PORT} when it is not set. */
    public static final int DEFAULT_PORT = 3000;

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
        int port = EnvValues.port(env, "PORT", DEFAULT_PORT, problems);
        int management = EnvValues.port(env, "METRICS_PORT", managementPortOf(env), problems);
        if (any && app.isEmpty() && management == port) {
            problems.add("METRICS_PORT (" + management + ") must differ from PORT in HTTP mode: /metrics and /healthz must not be"
                    + " served on the public Slack listener");
        }
        String apiUrl = EnvValues.nonBlank(env, "SLACK_API_URL").orElse(DEFAULT_API_URL);
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            problems.add("SLACK_API_URL='" + apiUrl + "' must be an http(s) URL such as https://slack.com/api/");
        }
        return new SlackSettings(bot, app, secret, port, apiUrl.endsWith("/") ? apiUrl : apiUrl + "/", management);
    }

    /**
     * The port of {@code /healthz} and {@code /metrics}: {@code METRICS_PORT} when set; otherwise, in Socket Mode (no
     * public listener), {@code PORT} (default {@value #DEFAULT_PORT}); in HTTP mode {@value #DEFAULT_METRICS_PORT}, so
     * they are never served where Slack's requests arrive. Unparseable values give the defaults (startup reports them).
     */
    public static int managementPortOf(Map<String, String> env) {
        List<String> ignored = new java.util.ArrayList<>();
        Optional<Integer> explicit = EnvValues.nonBlank(env, "METRICS_PORT").map(p -> EnvValues.port(env, "METRICS_PORT", -1, ignored))
                .filter(p -> p > 0);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        return EnvValues.nonBlank(env, "SLACK_APP_TOKEN").isPresent() ? EnvValues.port(env, "PORT", DEFAULT_PORT, ignored) : DEFAULT_METRICS_PORT;
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=" + mask(botToken) + ", appToken=" + mask(appToken) + ", signingSecret="
                + mask(signingSecret) + ", port=" + port + ", apiUrl=" + apiUrl + ", managementPort=" + managementPort + "]";
    }

    private static String mask(Optional<String> secret) {
        return secret.isPresent() ? "***" : "<none>";
    }
}

package io.ncprollout.doctor;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bot token works ({@code auth.test}) and was granted every scope {@code manifest.yml} declares, read from
 * the {@code x-oauth-scopes} response header. FAIL when the token is missing or refused, or a scope is missing;
 * WARN when Slack did not send the header.
 */
public final class SlackTokenCheck {
    /** The bot scopes {@code manifest.yml} declares (a test keeps the two in step). */
    public static final List<String> REQUIRED_SCOPES = List.of("commands", "chat:write", "usergroups:read", "users:read");
    static final String NAME = "slack token";

    private final String apiUrl;
    private final Optional<String> token;

    /** @param apiUrl the Web API base, ending in {@code /} ({@code SLACK_API_URL}) */
    public SlackTokenCheck(String apiUrl, Optional<String> token) {
        this.apiUrl = apiUrl;
        this.token = token;
    }

    public CheckResult run() {
        return run(true);
    }

    /**
     * @param slackExpected false when no {@code SLACK_*} variable is set at all: the bot then starts its local shell, so a
     *                      missing token is a WARN that says so, not a FAIL
     */
    public CheckResult run(boolean slackExpected) {
        if (token.isEmpty()) {
            String scopes = "; once set, checked with auth.test for the scopes " + String.join(", ", REQUIRED_SCOPES);
            String fix = "copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page";
            return slackExpected ? CheckResult.fail(NAME, "SLACK_BOT_TOKEN is not set" + scopes, fix)
                    : CheckResult.warn(NAME, "no SLACK_* variable is set: shell mode, the bot starts its local shell" + scopes,
                            "to run it in Slack, " + fix);
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        config.setStatsEnabled(false); // else the SDK resolves the team id with an auth.test of its own first
        AuthTestResponse response;
        try {
            response = Slack.getInstance(config).methods(token.get()).authTest(r -> r);
        } catch (IOException e) {
            return CheckResult.fail(NAME, "cannot reach " + apiUrl + ": " + e.getMessage(),
                    "check DNS, proxy and firewall for outbound HTTPS to Slack (or SLACK_API_URL)");
        } catch (SlackApiException e) {
            return CheckResult.fail(NAME, "auth.test answered HTTP " + e.getResponse().code(),
                    "check SLACK_API_URL; retry later if Slack is rate-limiting or down");
        }
        if (!response.isOk()) {
            return CheckResult.fail(NAME, "auth.test refused the token: " + response.getError(),
                    "reinstall the app and copy the current xoxb- token into SLACK_BOT_TOKEN");
        }
        return scopes(response);
    }

    private CheckResult scopes(AuthTestResponse response) {
        String who = "bot " + response.getUser() + " in " + response.getTeam();
        Map<String, List<String>> headers = response.getHttpResponseHeaders();
        List<String> header = headers == null ? null : headers.get("x-oauth-scopes");
        if (header == null || header.isEmpty()) {
            return CheckResult.warn(NAME, who + "; Slack sent no x-oauth-scopes header, scopes not checked",
                    "check the scopes by hand: " + String.join(", ", REQUIRED_SCOPES));
        }
        Set<String> granted = Arrays.stream(String.join(",", header).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> missing = REQUIRED_SCOPES.stream().filter(s -> !granted.contains(s)).toList();
        if (!missing.isEmpty()) {
            return CheckResult.fail(NAME, who + "; missing scopes: " + String.join(", ", missing) + " (of "
                    + String.join(", ", REQUIRED_SCOPES) + ")",
                    "add them under OAuth & Permissions (or recreate the app from manifest.yml), then reinstall the app");
        }
        return CheckResult.ok(NAME, who + "; scopes " + String.join(", ", REQUIRED_SCOPES) + " granted");
    }
}

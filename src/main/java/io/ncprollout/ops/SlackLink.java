package io.ncprollout.ops;

import io.ncprollout.slack.SlackCallListener;
import java.time.Duration;
import java.util.Set;

/**
 * The "Slack connected" health check, judged from the Web API's answers: DOWN when the last answer said the
 * token is no longer valid or Slack answered 5xx; UP otherwise (including before the first call). A rate limit
 * or a refused channel is Slack answering, so it is UP.
 */
public final class SlackLink implements SlackCallListener {
    static final Set<String> TOKEN_DEAD = Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired",
            "account_inactive", "team_disabled");

    private volatile String lastMethod = "";
    private volatile String lastOutcome = "";

    @Override
    public void onCall(String method, String outcome, Duration latency) {
        lastMethod = method;
        lastOutcome = outcome;
    }

    /** The health check. */
    public HealthCheck.Result check() {
        String outcome = lastOutcome;
        if (outcome.isEmpty()) {
            return HealthCheck.Result.up("no Web API call answered yet");
        }
        String detail = "last Web API call " + lastMethod + ": " + outcome;
        boolean down = TOKEN_DEAD.contains(outcome) || outcome.startsWith("http_5");
        return down ? HealthCheck.Result.down(detail) : HealthCheck.Result.up(detail);
    }
}

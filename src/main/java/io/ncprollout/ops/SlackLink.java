package io.ncprollout.ops;

import io.ncprollout.slack.SlackCallListener;
import java.time.Duration;
import java.util.Set;

/**
 * The "Slack connected" health check, judged from the Web API's answers: DOWN when the last call got no answer (the
 * network), the last answer said the token is no longer valid, or Slack answered 5xx; UP otherwise (including before the first call). A rate limit
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

    /** True when the last Web API call got no answer at all (the network, a proxy, DNS): Slack is unreachable. */
    public boolean unanswered() {
        return lastOutcome.equals("network");
    }

    /** The health check. */
    public HealthCheck.Result check() {
        String outcome = lastOutcome;
        if (outcome.isEmpty()) {
            return HealthCheck.Result.up("no Web API call answered yet");
        }
        if (outcome.equals("network")) {
            return HealthCheck.Result.down("cannot reach Slack's Web API: the last call, " + lastMethod + ", got no answer (network)");
        }
        String detail = "last Web API call " + lastMethod + ": " + outcome;
        boolean down = TOKEN_DEAD.contains(outcome) || outcome.startsWith("http_5");
        return down ? HealthCheck.Result.down(detail) : HealthCheck.Result.up(detail);
    }
}

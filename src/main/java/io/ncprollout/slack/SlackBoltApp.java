package io.ncprollout.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Bolt's {@link App}, telling an unreachable Web API from a bad token. Before its first request Bolt checks the bot
 * token with {@code auth.test}, and when that gets no answer it throws "the token is invalid" without the cause; here
 * that becomes an {@link UncheckedIOException} when the Web API did not answer, so {@link SlackOutage} can still
 * acknowledge the request. Bolt tries again on the next request, so the bot recovers once Slack answers.
 */
public final class SlackBoltApp extends App {
    private final BooleanSupplier webApiUnanswered;

    /** @param webApiUnanswered true when the last Web API call got no answer (a network failure) */
    public SlackBoltApp(AppConfig config, BooleanSupplier webApiUnanswered) {
        super(config);
        this.webApiUnanswered = webApiUnanswered;
    }

    @Override
    protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
        try {
            return super.buildDefaultMiddlewareList(config);
        } catch (IllegalArgumentException e) {
            if (webApiUnanswered.getAsBoolean()) {
                String message = String.valueOf(e.getMessage());
                int error = message.indexOf("(error: ");
                String cause = error < 0 ? message : message.substring(error + "(error: ".length()).replaceFirst("\\)$", "");
                throw new UncheckedIOException(new IOException("auth.test got no answer: " + cause));
            }
            throw e;
        }
    }
}

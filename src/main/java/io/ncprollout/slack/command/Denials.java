package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.render.Refusals;
import java.util.Locale;

/** How a command's flow tells the user a check said no: one ephemeral reply through the command's response_url. */
final class Denials {
    private Denials() {
    }

    /**
     * Tells the user why, when {@code decision} is a denial.
     *
     * @return true when it was a denial (and the user was told): the flow stops there
     */
    static boolean told(SlashCommandContext ctx, Invocation call, AccessPolicy.Decision decision, Locale locale) {
        if (decision.allowed()) {
            return false;
        }
        SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":no_entry: " + Refusals.of(decision.reason(), locale));
        return true;
    }
}

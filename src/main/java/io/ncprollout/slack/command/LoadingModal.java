package io.ncprollout.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.slack.SlackCallGuard;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.ConfirmationViews;
import io.ncprollout.slack.render.Texts;
import java.util.Locale;
import java.util.Optional;

/**
 * The first step of a command that answers in a modal: open the "running precheck" modal with the command's trigger at
 * once (it expires 3 s after the command), before anything that may call Slack, in the user's language if it is cached
 * (else English for this brief view); then look the language up. When Slack refuses the modal, the user is told
 * through the command's response URL.
 */
final class LoadingModal {
    private LoadingModal() {
    }

    /** The opened modal, to update with the result, and the user's language. */
    record Opened(String viewId, String hash, Locale locale) {
    }

    static Optional<Opened> open(SlashCommandContext ctx, Invocation call, OperationKind kind, ConfirmationViews views, SlackUserLocales locales) {
        ViewsOpenResponse opened = SlackCallGuard.viewsOpen(ctx.client(), call.triggerId(), views.loading(call.cluster(), kind, locales.ifKnown(call.userId())));
        Locale locale = locales.of(call.userId());
        if (opened == null) {
            SlackCallGuard.respond(ctx.getSlack(), call.responseUrl(), ":x: " + Texts.of(locale).t("flow.modalRefused"));
            return Optional.empty();
        }
        return Optional.of(new Opened(opened.getView().getId(), opened.getView().getHash(), locale));
    }
}

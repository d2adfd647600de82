package io.ncprollout.slack.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.slack.SlackUserLocales;
import io.ncprollout.slack.render.SlackMessage;
import io.ncprollout.slack.render.StatusMessages;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * {@code /kafka} and {@code /opensearch}: parse, validate, hand slow work to our executor, ack. Nothing that
 * calls NCP runs before the ack; a usage mistake and help are answered in the ack itself (ephemeral).
 */
public final class RolloutCommandHandler implements SlashCommandHandler {
    private final Executor work;
    private final CommandFlows flows;
    private final CommandDefaults defaults;
    private final boolean simulated;
    private final SlackUserLocales locales;

    public RolloutCommandHandler(Executor work, CommandFlows flows, CommandDefaults defaults, boolean simulated, SlackUserLocales locales) {
        this.work = Objects.requireNonNull(work, "work == null");
        this.flows = Objects.requireNonNull(flows, "flows == null");
        this.defaults = Objects.requireNonNull(defaults, "defaults == null");
        this.simulated = simulated;
        this.locales = Objects.requireNonNull(locales, "locales == null");
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload payload = req.getPayload();
        CommandLine line;
        try {
            line = CommandParser.parse(payload.getCommand(), payload.getText() == null ? "" : payload.getText());
        } catch (UsageException e) {
            return ctx.ack(":warning: " + e.message(locales.ifKnown(payload.getUserId())));
        }
        String channel = payload.getChannelId() == null ? "" : payload.getChannelId();
        Invocation call = new Invocation(line, line.cluster().map(defaults::cluster).orElse(""),
                line.region().orElse(defaults.regionFor(channel)), payload.getUserId(), channel, payload.getTriggerId(),
                payload.getResponseUrl());
        Runnable followUp = OperationKind.find(line.product(), line.action()).map(kind -> operation(kind, ctx, call))
                .orElseGet(() -> switch (line.action()) {
                    case "status" -> () -> flows.status().show(ctx, call);
                    case "list" -> () -> flows.list().show(ctx, call);
                    case "history" -> () -> flows.admin().history(ctx, call);
                    case "freeze" -> () -> flows.admin().freeze(ctx, call, true);
                    case "unfreeze" -> () -> flows.admin().freeze(ctx, call, false);
                    case "abandon" -> () -> flows.admin().abandon(ctx, call);
                    case "fleets" -> () -> flows.fleet().list(ctx, call);
                    case "schedule" -> () -> flows.schedule().run(ctx, call);
                    default -> null;
                });
        if (followUp == null) {
            // help is the ack itself, which cannot wait for users.info: the user's language if it is cached, else English
            SlackMessage help = StatusMessages.help("/" + line.product().command(), simulated, defaults.readOnly(), locales.ifKnown(payload.getUserId()));
            return ctx.ack(r -> r.responseType("ephemeral").text(help.text()).blocks(help.blocks()));
        }
        work.execute(followUp);
        return ctx.ack();
    }

    /** The flow that starts {@code kind}; a switch expression, so a new kind does not compile until it has one. */
    private Runnable operation(OperationKind kind, SlashCommandContext ctx, Invocation call) {
        if (kind.confirmation() == OperationKind.Confirmation.TYPED_NAME && flows.fleet().isFleet(call)) {
            return () -> flows.fleet().open(ctx, call, kind);
        }
        return switch (kind) {
            case KAFKA_RESTART -> () -> flows.restart().open(ctx, call, kind);
            case KAFKA_UPGRADE, OPENSEARCH_UPGRADE -> () -> flows.upgrade().open(ctx, call, kind);
            case CMAK_RESTART -> () -> flows.cmak().offer(ctx, call);
        };
    }
}

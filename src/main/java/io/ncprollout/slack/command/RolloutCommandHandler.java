package io.ncprollout.slack.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.ncprollout.slack.render.SlackMessage;
import io.ncprollout.slack.render.StatusMessages;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * {@code /kafka} and {@code /opensearch}: parse, validate, hand slow work to our executor, ack. Nothing that
 * calls NCP runs before the ack; a usage mistake is answered in the ack itself (ephemeral).
 */
public final class RolloutCommandHandler implements SlashCommandHandler {
    private final Executor work;
    private final PrecheckFlow precheck;
    private final StatusFlow status;
    private final String defaultRegion;
    private final boolean simulated;

    public RolloutCommandHandler(Executor work, PrecheckFlow precheck, StatusFlow status, String defaultRegion, boolean simulated) {
        this.work = Objects.requireNonNull(work, "work == null");
        this.precheck = Objects.requireNonNull(precheck, "precheck == null");
        this.status = Objects.requireNonNull(status, "status == null");
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion == null");
        this.simulated = simulated;
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload payload = req.getPayload();
        CommandLine line;
        try {
            line = CommandParser.parse(payload.getCommand(), payload.getText() == null ? "" : payload.getText());
        } catch (CommandParser.UsageException e) {
            return ctx.ack(":warning: " + e.getMessage());
        }
        String region = line.region().orElse(defaultRegion);
        Invocation call = new Invocation(line, region, payload.getUserId(), payload.getChannelId(), payload.getTriggerId(),
                payload.getResponseUrl());
        switch (line.action()) {
            case "help" -> {
                SlackMessage help = StatusMessages.help("/" + line.service().command(), simulated, false);
                return ctx.ack(r -> r.responseType("ephemeral").text(help.text()).blocks(help.blocks()));
            }
            case "restart" -> {
                work.execute(() -> precheck.open(ctx, call));
                return ctx.ack();
            }
            case "status" -> {
                work.execute(() -> status.show(ctx, call));
                return ctx.ack();
            }
            default -> {
                return ctx.ack(":construction: `/" + line.service().command() + " " + line.action()
                        + "` is not available in this version of the bot yet. `/" + line.service().command() + " help` lists what is.");
            }
        }
    }
}

package io.ncprollout.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.StartPhase;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The JSON form of an {@link EndingReason} inside a stored tracking's {@code ending}: a code and its parameters under
 * {@code why}, and the code again as {@code reason}, the field older versions read (they show it as it is). An ending
 * without {@code why} was written by a version that stored a sentence: it comes back as {@link EndingReason.Text},
 * verbatim; so does a code this version does not know.
 *
 * <pre>
 * {"at": "...", "reason": "stalled", "why": {"code": "stalled", "quiet": "PT1H"}}     written now
 * {"at": "...", "reason": "nothing changed for 1h 00m; stopped watching ..."}          written before: shown verbatim
 * </pre>
 */
final class EndingJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EndingJson() {
    }

    /** Puts {@code reason} into {@code ending} as {@code reason} (and {@code why} unless it is a stored sentence). */
    static void write(ObjectNode ending, EndingReason reason) {
        if (reason instanceof EndingReason.Text text) {
            ending.put("reason", text.text());
            return;
        }
        ObjectNode why = why(reason);
        ending.put("reason", why.get("code").asText());
        ending.set("why", why);
    }

    /** The reason stored in {@code ending}. */
    static EndingReason read(JsonNode ending) {
        String reason = Optional.ofNullable(ending.get("reason")).map(JsonNode::asText).orElse("");
        JsonNode why = ending.get("why");
        if (why == null || why.isNull()) {
            return new EndingReason.Text(reason);
        }
        return reason(why).orElseGet(() -> new EndingReason.Text(reason));
    }

    private static ObjectNode why(EndingReason reason) {
        if (reason instanceof EndingReason.Completed) {
            return code("completed");
        } else if (reason instanceof EndingReason.NodeFailed r) {
            return code("node-failed").put("node", r.node()).put("role", r.role().name()).put("status", r.status());
        } else if (reason instanceof EndingReason.ClusterFailed r) {
            return code("cluster-failed").put("status", r.status());
        } else if (reason instanceof EndingReason.Stalled r) {
            return code("stalled").put("quiet", r.quiet().toString());
        } else if (reason instanceof EndingReason.NeverChanged r) {
            return code("never-changed").put("quiet", r.quiet().toString());
        } else if (reason instanceof EndingReason.AnswerLost r) {
            return code("answer-lost").put("sinceStart", r.sinceStart().toString());
        } else if (reason instanceof EndingReason.NotStarted r) {
            return code("not-started").put("phase", r.phase().name());
        } else if (reason instanceof EndingReason.Abandoned r) {
            return code("abandoned").put("admin", r.admin()).put("reason", r.reason());
        } else if (reason instanceof EndingReason.StartRefused r) {
            return code("start-refused").put("message", r.message());
        } else if (reason instanceof EndingReason.StartNotSent r) {
            return code("start-not-sent").put("error", r.error());
        }
        throw new IllegalArgumentException("no stored form for " + reason);
    }

    private static Optional<EndingReason> reason(JsonNode why) {
        try {
            return Optional.ofNullable(switch (text(why, "code")) {
                case "completed" -> new EndingReason.Completed();
                case "node-failed" -> new EndingReason.NodeFailed(text(why, "node"), NodeRole.valueOf(text(why, "role")), text(why, "status"));
                case "cluster-failed" -> new EndingReason.ClusterFailed(text(why, "status"));
                case "stalled" -> new EndingReason.Stalled(Duration.parse(text(why, "quiet")));
                case "never-changed" -> new EndingReason.NeverChanged(Duration.parse(text(why, "quiet")));
                case "answer-lost" -> new EndingReason.AnswerLost(Duration.parse(text(why, "sinceStart")));
                case "not-started" -> new EndingReason.NotStarted(StartPhase.valueOf(text(why, "phase")));
                case "abandoned" -> new EndingReason.Abandoned(text(why, "admin"), text(why, "reason"));
                case "start-refused" -> new EndingReason.StartRefused(text(why, "message"));
                case "start-not-sent" -> new EndingReason.StartNotSent(text(why, "error"));
                default -> null; // written by a newer version: its "reason" is what can be shown
            });
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("stored tracking has a bad ending " + why + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode code(String code) {
        return JSON.objectNode().put("code", code);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value.asText();
    }
}

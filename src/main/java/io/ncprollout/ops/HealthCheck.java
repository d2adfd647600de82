package io.ncprollout.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The bot's health: a fixed set of named checks (store reachable, Slack connected, poller alive, …), each run on
 * every {@link #evaluate()}. The bot is UP when every check is; a check that throws is DOWN with the exception as
 * its detail, so a broken check can never make the endpoint fail.
 */
public final class HealthCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One check's answer. */
    public record Result(boolean up, String detail) {
        public Result {
            Objects.requireNonNull(detail, "detail == null");
        }

        public static Result up(String detail) {
            return new Result(true, detail);
        }

        public static Result down(String detail) {
            return new Result(false, detail);
        }
    }

    /** One named check. Must be quick (it runs on every probe) and should not throw. */
    @FunctionalInterface
    public interface Check {
        Result run();

        /** A yes/no check with a fixed detail for each answer. */
        static Check of(BooleanSupplier ok, String upDetail, String downDetail) {
            return () -> ok.getAsBoolean() ? Result.up(upDetail) : Result.down(downDetail);
        }
    }

    /** The result of every check, in registration order. */
    public record Report(boolean up, Map<String, Result> checks) {
        public Report {
            checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        }

        /** 200 when UP, 503 when DOWN. */
        public int httpStatus() {
            return up ? 200 : 503;
        }

        /** {@code {"status":"UP"|"DOWN","checks":{"<name>":{"status":…,"detail":…}}}}. */
        public String toJson() {
            ObjectNode root = JSON.createObjectNode().put("status", up ? "UP" : "DOWN");
            ObjectNode all = root.putObject("checks");
            checks.forEach((name, r) -> all.putObject(name).put("status", r.up() ? "UP" : "DOWN").put("detail", r.detail()));
            return root.toString();
        }
    }

    private final Map<String, Check> checks;

    /** @param checks by name, evaluated in the map's iteration order */
    public HealthCheck(Map<String, Check> checks) {
        this.checks = new LinkedHashMap<>(Objects.requireNonNull(checks, "checks == null"));
    }

    /** Runs every check. Never throws. */
    public Report evaluate() {
        Map<String, Result> results = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, Check> check : checks.entrySet()) {
            Result result;
            try {
                result = Objects.requireNonNull(check.getValue().run(), "check returned null");
            } catch (RuntimeException e) {
                result = Result.down("check failed: " + e);
            }
            results.put(check.getKey(), result);
            up &= result.up();
        }
        return new Report(up, results);
    }
}

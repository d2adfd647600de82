package io.ncprollout.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ncprollout.ncp.NcpCallListener;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.tracking.PollListener;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.slack.SlackCallListener;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The bot's meters, on one Prometheus registry, with a listener for each instrumented package. Names as scraped:
 *
 * <pre>
 * rollout_operations_active{kind}                   gauge    unfinished operations (see {@link #trackActiveOperations})
 * rollout_operations_finished_total{kind,state}     counter  operations the poller saw reach a final state
 * ncp_calls_seconds{operation,method,outcome}       timer    every NCP HTTP attempt, with latency buckets
 * slack_calls_seconds{method,outcome}               timer    every Slack Web API answer, with latency buckets
 * rollout_poll_lag_seconds                          timer    how late each rollout's poll ran against its schedule
 * rate_limited_responses_total{source}              counter  HTTP 429 answers; source = ncp | slack
 * </pre>
 *
 * Thread-safe. Labels are bounded: operations and Slack methods are fixed sets in our code, outcomes are error
 * kinds or Slack error codes; rollout ids are never labels.
 */
public final class Metrics {
    /** The content type of {@link #scrape()}: Prometheus text exposition 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** The Prometheus text of every meter. */
    public String scrape() {
        return registry.scrape(CONTENT_TYPE);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Records NCP attempts: latency by operation, method and outcome, and 429s. */
    public NcpCallListener ncpCalls() {
        return event -> {
            timer("ncp.calls", "NCP API HTTP attempts", "operation", event.operation(), "method", event.method(),
                    "outcome", event.outcome()).record(event.elapsed());
            if (event.httpStatus() == 429) {
                rateLimited("ncp");
            }
        };
    }

    /** Records Slack Web API answers: latency by method and outcome, and 429s. */
    public SlackCallListener slackCalls() {
        return (method, outcome, latency) -> {
            timer("slack.calls", "Slack Web API calls", "method", method, "outcome", outcome).record(latency);
            if (outcome.equals("ratelimited")) {
                rateLimited("slack");
            }
        };
    }

    /** Records each rollout poll's lag, and each operation's final state when the poller sees it. */
    public PollListener polls() {
        return new PollListener() {
            @Override
            public void polled(Rollout after, Duration lag) {
                Timer.builder("rollout.poll.lag").description("How late a rollout's poll ran against its schedule")
                        .serviceLevelObjectives(LATENCY_BUCKETS).register(registry).record(lag);
                if (after.state().isTerminal()) {
                    Counter.builder("rollout.operations.finished").description("Operations that reached a final state")
                            .tag("kind", name(after.request().kind())).tag("state", name(after.state()))
                            .register(registry).increment();
                }
            }
        };
    }

    /**
     * Registers one {@code rollout_operations_active} gauge per operation kind, counting the matching rollouts
     * that {@code active} returns at scrape time (typically the store's unfinished ones).
     */
    public void trackActiveOperations(Supplier<? extends Collection<Rollout>> active) {
        Objects.requireNonNull(active, "active == null");
        for (OperationKind kind : OperationKind.values()) {
            Gauge.builder("rollout.operations.active", () -> active.get().stream()
                            .filter(r -> r.request().kind() == kind && !r.state().isTerminal()).count())
                    .description("Unfinished operations").tag("kind", name(kind)).register(registry);
        }
    }

    /** Reads {@code pending} at each scrape: thread notices stored but not yet said (they wait out a Slack failure). */
    public void trackOutbox(java.util.function.IntSupplier pending) {
        Objects.requireNonNull(pending, "pending == null");
        Gauge.builder("rollout.outbox.pending", pending::getAsInt).description("Thread notices stored and not yet said").register(registry);
    }

    private Timer timer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    private void rateLimited(String source) {
        Counter.builder("rate.limited.responses").description("HTTP 429 answers received")
                .tag("source", source).register(registry).increment();
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.slack.render.ProgressMessages;
import io.ncprollout.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-workspace edit budget: edits wait and coalesce, posts never wait. Slack is a fake Web API. */
class SlackProgressNotifierBudgetTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final ThreadRef THREAD_X = new ThreadRef("C1", "1.000001", "1.000002");
    private static final ThreadRef THREAD_Y = new ThreadRef("C1", "1.000003", "1.000004");

    private final MutableClock clock = new MutableClock(T0);
    private FakeSlackWebApi slack;
    private SlackProgressNotifier notifier;

    @BeforeEach
    void setUp() throws Exception {
        slack = FakeSlackWebApi.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        var methods = Slack.getInstance(config).methods("xoxb-test");
        notifier = new SlackProgressNotifier(methods, new ProgressMessages(true),
                new SlackUserLocales(methods, Duration.ofMinutes(30), com.github.benmanes.caffeine.cache.Ticker.systemTicker()),
                new EditBudget(1, Duration.ofMinutes(1)), clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        slack.close();
    }

    @Test
    void progress_budgetUsedUp_keepsOnlyTheLatestEditUntilTheBudgetComesBack() {
        // GIVEN the one edit of the minute is spent on thread X
        notifier.progress(rollout("r1", "alpha-kafka"), THREAD_X, T0);

        // WHEN thread Y changes twice within the minute
        notifier.progress(rollout("r2", "beta-kafka"), THREAD_Y, T0.plusSeconds(1));
        notifier.progress(rollout("r2", "gamma-kafka"), THREAD_Y, T0.plusSeconds(2));

        // THEN nothing more is sent yet, and only the latest content goes out once the minute is over
        assertThat(slack.calls("chat.update")).hasSize(1);
        assertThat(notifier.pendingEdits()).isEqualTo(1);
        clock.set(T0.plusSeconds(59));
        notifier.flushPending(clock.instant());
        assertThat(slack.calls("chat.update")).hasSize(1);
        clock.set(T0.plusSeconds(60));
        notifier.flushPending(clock.instant());
        List<FakeSlackWebApi.Call> edits = slack.calls("chat.update");
        assertThat(edits).hasSize(2);
        assertThat(edits.get(1).param("ts")).isEqualTo(THREAD_Y.progressTs());
        assertThat(edits.get(1).param("blocks")).contains("gamma-kafka").doesNotContain("beta-kafka");
        assertThat(notifier.pendingEdits()).isZero();
    }

    @Test
    void progress_callerPassesTheStartOfALongPollCycle_budgetIsReadAtTheTimeOfTheCall() {
        // GIVEN a poll cycle that began at T0 sends the minute's edit 50 s later
        clock.set(T0.plusSeconds(50));
        notifier.progress(rollout("r1", "alpha-kafka"), THREAD_X, T0);

        // WHEN another change comes 15 s after that edit
        clock.set(T0.plusSeconds(65));
        notifier.progress(rollout("r2", "beta-kafka"), THREAD_Y, T0.plusSeconds(65));

        // THEN it waits: the last edit is only 15 s old, whatever instant the cycle passed
        assertThat(slack.calls("chat.update")).hasSize(1);
    }

    @Test
    void notice_budgetUsedUp_isPostedAtOnce() {
        notifier.progress(rollout("r1", "alpha-kafka"), THREAD_X, T0);

        notifier.deliver(rollout("r1", "alpha-kafka"), THREAD_X, Notice.STALL_WARNING, T0.plusSeconds(1));

        assertThat(slack.calls("chat.postMessage")).singleElement()
                .satisfies(post -> assertThat(post.param("thread_ts")).isEqualTo(THREAD_X.parentTs()));
    }

    private static Rollout rollout(String id, String cluster) {
        ClusterRef ref = new ClusterRef(Product.KAFKA, "1234567", cluster, "KR");
        return Rollout.started(id, new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, ref), "U1", "patch"), T0);
    }
}

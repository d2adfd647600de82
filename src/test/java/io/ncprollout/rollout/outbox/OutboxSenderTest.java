package io.ncprollout.rollout.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Change;
import io.ncprollout.rollout.tracking.Lease;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.ProgressNotifier;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import io.ncprollout.store.InMemoryRolloutStore;
import io.ncprollout.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox sender: says stored notices once, in order per rollout, waits out failures, gives up on the hopeless. */
class OutboxSenderTest {
    private static final ClusterRef DEMO = new ClusterRef(Product.KAFKA, "1234567", "demo-kafka", "KR");
    private static final Lease LEASE = new Lease("replica-1", Lease.FIRST_EPOCH);

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final InMemoryRolloutStore store = new InMemoryRolloutStore();
    private final ScriptedNotifier chat = new ScriptedNotifier();

    /** Answers deliveries as scripted (delivered when the script is empty) and records what was said. */
    private static final class ScriptedNotifier implements ProgressNotifier {
        final List<String> said = new ArrayList<>();
        final Deque<Delivery> answers = new ArrayDeque<>();
        String neverSaid = "";

        @Override
        public ThreadRef announce(Rollout rollout, String channel, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void progress(Rollout rollout, ThreadRef thread, Instant now) {
        }

        @Override
        public Delivery deliver(Rollout rollout, ThreadRef thread, Notice notice, Instant now) {
            if (neverSaid.equals(rollout.id() + ":" + notice)) {
                return Delivery.retry(Duration.ZERO, "network");
            }
            Delivery answer = answers.isEmpty() ? Delivery.delivered() : answers.poll();
            if (answer.outcome() == Delivery.Outcome.DELIVERED) {
                said.add(rollout.id() + ":" + notice);
            }
            return answer;
        }
    }

    @BeforeEach
    void twoRolloutsWithNotices() {
        for (String id : List.of("op-1", "op-2")) {
            ClusterRef cluster = new ClusterRef(Product.KAFKA, id.equals("op-1") ? "1" : "2", id, "KR");
            TrackedRollout t = new TrackedRollout(Rollout.started(id, new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, cluster),
                    "U1", "patch"), clock.instant()), new ThreadRef("C1", "1.1", "1.2"));
            store.claim(t, "replica-1", clock.instant(), Duration.ofSeconds(20));
            store.commit(new Change(t, LEASE, List.of(Notice.RESUMED, Notice.STALL_WARNING), Optional.empty(), clock.instant()));
        }
    }

    private OutboxSender sender(String process) {
        return new OutboxSender(store.outbox(), store, chat, process, clock);
    }

    @Test
    void sendDue_saysEachNoticeOnce_inOrder() {
        OutboxSender sender = sender("p1");

        assertThat(sender.sendDue()).isEqualTo(4);
        assertThat(sender.sendDue()).isZero();

        assertThat(chat.said).containsExactly("op-1:RESUMED", "op-1:STALL_WARNING", "op-2:RESUMED", "op-2:STALL_WARNING");
        assertThat(store.outbox().pending()).isZero();
    }

    @Test
    void afterACrash_theNextProcessSaysWhatWasNotSaid_once() {
        // the first process stored the notices and died before its sender ran (its hold never taken)
        OutboxSender next = sender("p2");

        next.sendDue();
        next.sendDue();

        assertThat(chat.said).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void aRetry_holdsBackThatRolloutsLaterNotices_notTheOthers() {
        chat.answers.add(ProgressNotifier.Delivery.retry(Duration.ofSeconds(30), "ratelimited"));
        OutboxSender sender = sender("p1");

        sender.sendDue();
        assertThat(chat.said).containsExactly("op-2:RESUMED", "op-2:STALL_WARNING");

        clock.advance(Duration.ofSeconds(29));
        sender.sendDue();
        assertThat(chat.said).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();
        assertThat(chat.said).endsWith("op-1:RESUMED", "op-1:STALL_WARNING");
    }

    @Test
    void aNoticeThatCanNeverBeSaid_isDropped_andTheNextOneGoesOut() {
        chat.answers.add(ProgressNotifier.Delivery.dropped("channel_not_found"));

        sender("p1").sendDue();

        assertThat(chat.said).containsExactly("op-1:STALL_WARNING", "op-2:RESUMED", "op-2:STALL_WARNING");
        assertThat(store.outbox().pending()).isZero();
    }

    @Test
    void failingForHours_isGivenUpAfterTheLastAttempt() {
        chat.neverSaid = "op-1:RESUMED";
        OutboxSender sender = sender("p1");

        for (int i = 0; i < OutboxSender.MAX_ATTEMPTS - 1; i++) {
            sender.sendDue();
            clock.advance(OutboxSender.MAX_BACK_OFF);
        }
        assertThat(chat.said).as("held back behind the failing notice").doesNotContain("op-1:STALL_WARNING");
        sender.sendDue();

        assertThat(chat.said).doesNotContain("op-1:RESUMED").contains("op-1:STALL_WARNING");
    }

    @Test
    void backOff_followsWhatTheChatAsked_elseDoublesToAMinute() {
        assertThat(OutboxSender.backOff(0, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(OutboxSender.backOff(0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxSender.backOff(3, Duration.ZERO)).isEqualTo(Duration.ofSeconds(8));
        assertThat(OutboxSender.backOff(30, Duration.ZERO)).isEqualTo(Duration.ofMinutes(1));
    }
}

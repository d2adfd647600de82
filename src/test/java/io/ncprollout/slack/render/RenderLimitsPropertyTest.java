package io.ncprollout.slack.render;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.Freeze;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.cluster.ClusterPhase;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.NodeHealth;
import io.ncprollout.rollout.operation.NodeObservation;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import io.ncprollout.rollout.tracking.Notice;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A property test without a framework: a seeded {@link Random} builds clusters as NCP and users could make them
 * (1-200 nodes, names up to 255 characters, reasons and NCP messages up to 10,000, 1-300 versions, duplicate
 * version codes, blank names) and every renderer's output must keep every limit of {@link BlockKitLimits}. A
 * failure names the seed and the case number, so it can be replayed.
 */
class RenderLimitsPropertyTest {
    private static final long SEED = 20261122L;
    private static final int CASES = 150;
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void everyRenderer_onRandomClusters_staysWithinSlacksLimits() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            Gen gen = new Gen(random);
            Locale locale = random.nextBoolean() ? Locale.ENGLISH : Locale.KOREAN;
            boolean simulated = random.nextBoolean();
            try {
                renderAll(gen, locale, simulated);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + SEED + ", case " + i + ": " + e.getMessage(), e);
            }
        }
    }

    private static void renderAll(Gen gen, Locale locale, boolean simulated) {
        ClusterRef kafka = gen.cluster(Product.KAFKA);
        ClusterRef search = gen.cluster(Product.OPENSEARCH);
        Observation seen = gen.observation();
        BlockKitLimits.assertWithinLimits(StatusMessages.status(kafka, seen, simulated, locale));
        BlockKitLimits.assertWithinLimits(CmakMessages.confirm(kafka, seen, simulated, locale));
        BlockKitLimits.assertWithinLimits(ListMessages.clusters(Product.KAFKA, gen.text(1, 16), gen.summaries(), simulated, locale));
        BlockKitLimits.assertWithinLimits(HistoryMessages.history(gen.text(0, 255), gen.events(), locale));
        BlockKitLimits.assertWithinLimits(HistoryMessages.freezes(gen.freezes(), locale));

        ConfirmationViews views = new ConfirmationViews(simulated);
        OperationTarget restart = OperationTarget.of(OperationKind.KAFKA_RESTART, kafka);
        BlockKitLimits.assertWithinLimits(views.loading(gen.text(0, 300), OperationKind.KAFKA_RESTART, locale));
        BlockKitLimits.assertWithinLimits(views.confirm(restart, seen, new Precheck(gen.random.nextBoolean(), gen.text(0, 10_000)), "", locale));
        BlockKitLimits.assertWithinLimits(views.failed(gen.text(0, 40), gen.text(0, 10_000), ConfirmationViews.Why.NOT_ALLOWED, locale));
        BlockKitLimits.assertWithinLimits(views.outcome(gen.text(0, 40), ConfirmationViews.Outcome.REFUSED, gen.text(0, 10_000), locale));

        UpgradeViews upgrades = new UpgradeViews(simulated);
        List<VersionChoice> versions = gen.versions();
        Optional<VersionChoice> picked = gen.random.nextBoolean() ? Optional.of(versions.get(gen.random.nextInt(versions.size()))) : Optional.empty();
        List<ConfigGroupChoice> groups = gen.groups();
        Optional<ConfigGroupChoice> group = picked.isPresent() && !groups.isEmpty() && gen.random.nextBoolean()
                ? Optional.of(groups.get(gen.random.nextInt(groups.size()))) : Optional.empty();
        Optional<Precheck> precheck = gen.random.nextBoolean() ? Optional.of(new Precheck(gen.random.nextBoolean(), gen.text(0, 10_000))) : Optional.empty();
        UpgradeOptions options = new UpgradeOptions(new VersionChoice(gen.text(0, 200), gen.text(0, 255)), versions);
        BlockKitLimits.assertWithinLimits(upgrades.kafkaUpgrade(new UpgradeForm(kafka, seen, options, picked, picked.isPresent() ? groups : List.of(),
                group, precheck, ""), locale));
        BlockKitLimits.assertWithinLimits(upgrades.openSearchUpgrade(new UpgradeForm(search, seen, options, picked, List.of(), Optional.empty(),
                precheck, ""), locale));

        ProgressMessages progress = new ProgressMessages(simulated);
        Rollout running = gen.rollout(kafka, seen);
        Rollout ended = Rollouts.TRANSITIONS.next(running, gen.observation(seen.nodes(), "error"), T0.plusSeconds(60)).rollout();
        for (Rollout r : List.of(running, ended)) {
            BlockKitLimits.assertWithinLimits(progress.parent(r, locale));
            BlockKitLimits.assertWithinLimits(progress.progress(r, locale));
            for (Notice n : Notice.values()) {
                if (n != Notice.FINISHED || r.state().isTerminal()) {
                    BlockKitLimits.assertWithinLimits(progress.notice(r, n, locale));
                }
            }
        }
        List<TrackedRollout> tracked = List.of(new TrackedRollout(running, new ThreadRef(gen.text(1, 20), "1.2", "1.3")),
                new TrackedRollout(ended, new ThreadRef(gen.text(1, 20), "1.2", "1.3")));
        BlockKitLimits.assertWithinLimits(HomeViews.home(List.of(tracked.get(0)), List.of(tracked.get(1)), gen.random.nextInt(3),
                "https://test.slack.com/", simulated, locale));

        ApprovalMessages approvals = new ApprovalMessages(simulated);
        PendingApproval pending = gen.approval(running.request());
        BlockKitLimits.assertWithinLimits(approvals.request(pending, locale));
        BlockKitLimits.assertWithinLimits(approvals.decided(pending.decided(PendingApproval.Status.REJECTED, "U2", T0), locale));
    }

    /** Random inputs, shaped like what NCP and users send. */
    private static final class Gen {
        private static final String ALPHABET = "abcxyz-_. 09<>&*|`~:;\"'가나다😀\n";
        private final Random random;
        /** A third of the cases use only long names: the worst case for every text budget. */
        private final boolean longNames;

        Gen(Random random) {
            this.random = random;
            this.longNames = random.nextInt(3) == 0;
        }

        /** Text of {@code min} to {@code max} characters; now and then only blanks. */
        String text(int min, int max) {
            int n = min + random.nextInt(max - min + 1);
            if (random.nextInt(10) == 0) {
                return " ".repeat(n);
            }
            StringBuilder s = new StringBuilder(n);
            while (s.length() < n) {
                s.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : (char) ('a' + random.nextInt(26)));
            }
            return s.substring(0, n);
        }

        /** Mostly short names, sometimes very long ones (NCP allows 255). */
        String name() {
            return longNames ? text(200, 255) : random.nextInt(4) == 0 ? text(0, 255) : text(1, 30);
        }

        ClusterRef cluster(Product product) {
            // NCP's cluster numbers are digits and its regions a few codes; names are whatever users chose
            return new ClusterRef(product, String.valueOf(1 + random.nextInt(Integer.MAX_VALUE)), name(),
                    List.of("KR", "SGN", "JPN", "KRS").get(random.nextInt(4)));
        }

        Observation observation() {
            int count = 1 + random.nextInt(200);
            List<NodeObservation> nodes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                nodes.add(new NodeObservation(name(), NodeRole.values()[random.nextInt(NodeRole.values().length)], text(0, 40),
                        NodeHealth.values()[random.nextInt(NodeHealth.values().length)]));
            }
            return observation(nodes, text(0, 60));
        }

        Observation observation(List<NodeObservation> nodes, String status) {
            return new Observation(status, ClusterPhase.values()[random.nextInt(ClusterPhase.values().length)], nodes, random.nextBoolean(),
                    random.nextBoolean() ? Optional.of(text(0, 100)) : Optional.empty());
        }

        List<VersionChoice> versions() {
            int count = 1 + random.nextInt(300);
            List<VersionChoice> versions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // duplicate codes and codes beyond Slack's 150-character option value happen
                String code = random.nextInt(10) == 0 && !versions.isEmpty() ? versions.get(random.nextInt(versions.size())).code()
                        : random.nextInt(8) == 0 ? text(151, 300) : text(1, 20);
                versions.add(new VersionChoice(code, random.nextInt(8) == 0 ? " " : text(0, 255)));
            }
            return versions;
        }

        List<ConfigGroupChoice> groups() {
            int count = random.nextInt(120);
            List<ConfigGroupChoice> groups = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                groups.add(new ConfigGroupChoice(random.nextInt(10) == 0 ? text(151, 200) : text(1, 10), text(0, 255), text(0, 500)));
            }
            return groups;
        }

        List<ClusterSummary> summaries() {
            int count = random.nextInt(300);
            List<ClusterSummary> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                all.add(new ClusterSummary(cluster(Product.KAFKA), text(0, 40), text(0, 80), random.nextInt(200)));
            }
            return all;
        }

        List<AuditEvent> events() {
            int count = random.nextInt(80);
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(new AuditEvent(T0.minusSeconds(i), random.nextBoolean() ? "U" + i : text(1, 255), text(1, 64),
                        random.nextBoolean() ? Optional.of(cluster(Product.KAFKA)) : Optional.empty(), text(1, 64), text(0, 10_000)));
            }
            return events;
        }

        List<Freeze> freezes() {
            int count = random.nextInt(40);
            List<Freeze> freezes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                freezes.add(new Freeze(random.nextBoolean() ? Optional.of(cluster(Product.KAFKA)) : Optional.empty(), text(1, 10_000), "U" + i,
                        T0.minusSeconds(i)));
            }
            return freezes;
        }

        Rollout rollout(ClusterRef cluster, Observation seen) {
            OperationTarget target = random.nextBoolean() ? OperationTarget.of(OperationKind.KAFKA_RESTART, cluster)
                    : new OperationTarget(OperationKind.KAFKA_UPGRADE, cluster, Optional.of(text(1, 200)), Optional.of(text(1, 60)));
            Rollout started = Rollout.started("r-1", new RolloutRequest(target, "U" + random.nextInt(100), text(0, 10_000)), T0);
            Rollout r = Rollouts.TRANSITIONS.next(started, seen, T0.plusSeconds(15)).rollout();
            return random.nextBoolean() ? Rollouts.TRANSITIONS.readFailed(r, text(1, 10_000), T0.plusSeconds(30)).rollout() : r;
        }

        PendingApproval approval(RolloutRequest request) {
            Set<String> users = new java.util.HashSet<>();
            int count = random.nextInt(300);
            for (int i = 0; i < count; i++) {
                users.add("U" + i + text(0, 20).replace(" ", ""));
            }
            return new PendingApproval("a-1", request, "C1", "1.2", new AccessPolicy.Principals(users, Set.of("S1")), T0,
                    T0.plus(Duration.ofMinutes(30)), PendingApproval.Decision.pending());
        }
    }
}

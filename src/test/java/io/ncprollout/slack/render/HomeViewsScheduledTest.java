package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.View;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.fleet.Fleet;
import io.ncprollout.rollout.fleet.FleetMember;
import io.ncprollout.rollout.fleet.FleetSpec;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Home tab's "Scheduled" section: the runs waiting for their time, soonest first. */
class HomeViewsScheduledTest {
    private static final String WORKSPACE = "https://test.slack.com/";

    private static ScheduledRun run(String id, String cluster, Duration in) {
        RolloutRequest request = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, new ClusterRef(Product.KAFKA, "1", cluster, "KR")),
                "U0ALICE", "patch");
        return ScheduledRun.pending(id, request, "C0OPS", Rollouts.T0.plus(in), ZoneId.of("Asia/Seoul"), Rollouts.T0);
    }

    private static View home(List<ScheduledRun> scheduled, Locale locale) {
        View view = HomeViews.home(List.of(), List.of(), List.of(), scheduled, 0, WORKSPACE, false, locale);
        BlockKitLimits.assertWithinLimits(view);
        return view;
    }

    @Test
    void home_withScheduledRuns_listsThemSoonestFirst_andMatchesGolden() {
        View view = home(List.of(run("run-2", "orders-prod", Duration.ofDays(2)), run("run-1", "demo-kafka", Duration.ofHours(3))), Locale.ENGLISH);

        String json = BlockKitLimits.json(view).toString();
        assertThat(json).contains("\"Scheduled\"", ":calendar: Rolling restart of *demo-kafka* · Sun 2026-11-22 22:00 KST (Sun 2026-11-22 13:00 UTC)",
                "asked by <@U0ALICE> · waiting · `run-1` · in <#C0OPS>");
        assertThat(json.indexOf("run-1")).isLessThan(json.indexOf("run-2"));
        assertThat(json.indexOf("Scheduled")).isGreaterThan(json.indexOf("Active operations")).isLessThan(json.indexOf("Last 20 finished"));
        Golden.assertMatches("home-scheduled", view);
        Golden.assertMatches("home-scheduled-ko", home(List.of(run("run-1", "demo-kafka", Duration.ofHours(3))), Locale.KOREAN));
    }

    @Test
    void home_nothingScheduled_hasNoScheduledSection() {
        assertThat(BlockKitLimits.json(home(List.of(), Locale.ENGLISH)).toString()).doesNotContain("Scheduled", ":calendar:");
    }

    @Test
    void home_hostileClusterName_isEscaped() {
        String json = BlockKitLimits.json(home(List.of(run("run-1", "<!channel>", Duration.ofHours(1))), Locale.ENGLISH)).toString();

        assertThat(json).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
    }

    @Test
    void home_everySectionAtItsLargest_staysWithinTheHomeTabLimits() {
        List<TrackedRollout> active = IntStream.range(0, 100).mapToObj(i -> new TrackedRollout(
                withId(Rollouts.big(30), "a-" + i), new ThreadRef("C" + i, "17000000" + i + ".000100", "x"))).toList();
        List<TrackedRollout> recent = IntStream.range(0, 30).mapToObj(i -> new TrackedRollout(
                withId(Rollouts.completed(), "f-" + i), new ThreadRef("C1", "1700000000.000103", "1700000000.000200"))).toList();
        List<Fleet> fleets = IntStream.range(0, 20).mapToObj(HomeViewsScheduledTest::fleet).toList();
        List<ScheduledRun> scheduled = IntStream.range(0, 60).mapToObj(i -> run("run-" + i, "cluster-" + "n".repeat(50) + i, Duration.ofMinutes(30 + i)))
                .toList();

        View view = HomeViews.home(active, recent, fleets, scheduled, 7, WORKSPACE, true, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(view);
        assertThat(BlockKitLimits.json(view).toString()).contains("…and 50 more scheduled");
    }

    private static Fleet fleet(int n) {
        FleetSpec spec = new FleetSpec(OperationKind.KAFKA_RESTART, Optional.empty(), "KR", "c-*", "U1", Optional.empty(), "patch", "C1", 1, Duration.ZERO);
        return Fleet.planned("fleet-" + n, spec, List.of(FleetMember.waiting(new ClusterRef(Product.KAFKA, "1", "c-1", "KR"), 3)), Rollouts.T0)
                .withThread(new ThreadRef("C1", "1.1", ""));
    }

    private static Rollout withId(Rollout r, String id) {
        return new Rollout(id, r.request(), r.startedAt(), r.tracking());
    }
}

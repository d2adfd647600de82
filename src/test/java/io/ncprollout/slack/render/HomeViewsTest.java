package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.View;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import io.ncprollout.rollout.tracking.Rollout;
import io.ncprollout.rollout.tracking.ThreadRef;
import io.ncprollout.rollout.tracking.TrackedRollout;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HomeViewsTest {
    private static final String WORKSPACE = "https://test.slack.com/";
    private static final ThreadRef THREAD = new ThreadRef("C1", "1700000000.000103", "1700000000.000200");

    @Test
    void home_activeAndFinished_matchesGolden() {
        List<TrackedRollout> active = List.of(
                new TrackedRollout(Rollouts.midway(), THREAD),
                new TrackedRollout(withId(Rollouts.openSearchUpgrade(), "r-2"), ThreadRef.pending("C2")));
        List<TrackedRollout> recent = List.of(
                new TrackedRollout(withId(Rollouts.failed(), "r-3"), new ThreadRef("C1", "1699990000.000001", "1699990000.000002")),
                new TrackedRollout(withId(Rollouts.completed(), "r-4"), new ThreadRef("C3", "1699980000.000001", "1699980000.000002")));

        View view = triggerHome(active, recent, WORKSPACE);

        String json = BlockKitLimits.json(view).toString();
        assertThat(view.getType()).isEqualTo("home");
        assertThat(json).contains("<https://test.slack.com/archives/C1/p1700000000000103|thread> in <#C1>")
                .contains("Requested by <@U123> · started <!date^" + Rollouts.T0.getEpochSecond())
                .contains("running, 1/3 brokers done")
                .contains("in <#C2>")
                .contains(":x: *Rolling restart* of *demo-kafka*").contains("failed after 2m 20s (demo-kafka-b-2 (broker) reported red) · ended <!date^")
                .contains(":white_check_mark: *Rolling restart* of *demo-kafka*").contains("completed after 3m 05s");
        Golden.assertMatches("home-active-and-finished", view);
    }

    @Test
    void home_nothingYet_saysSoInBothParts() {
        View view = triggerHome(List.of(), List.of(), WORKSPACE);

        assertThat(BlockKitLimits.json(view).toString()).contains("Nothing is running right now")
                .contains("`/kafka restart &lt;cluster&gt;`").contains("No operation has finished yet.");
    }

    @Test
    void home_workspaceUrlWithoutSlash_buildsTheSameLink() {
        View view = triggerHome(List.of(new TrackedRollout(Rollouts.midway(), THREAD)), List.of(), "https://test.slack.com");

        assertThat(BlockKitLimits.json(view).toString()).contains("<https://test.slack.com/archives/C1/p1700000000000103|thread>");
    }

    @Test
    void home_unknownWorkspaceUrl_namesTheChannelOnly() {
        View view = triggerHome(List.of(new TrackedRollout(Rollouts.midway(), THREAD)), List.of(), "");

        assertThat(BlockKitLimits.json(view).toString()).contains("in <#C1>").doesNotContain("archives");
    }

    @Test
    void home_manyOperations_staysWithinTheHomeTabLimits() {
        List<TrackedRollout> active = IntStream.range(0, 100).mapToObj(i -> new TrackedRollout(
                withId(Rollouts.big(30), "a-" + i), new ThreadRef("C" + i, "17000000" + i + ".000100", "x"))).toList();
        List<TrackedRollout> recent = IntStream.range(0, 30).mapToObj(i -> new TrackedRollout(
                withId(Rollouts.completed(), "f-" + i), THREAD)).toList();

        View view = triggerHome(active, recent, WORKSPACE);

        String json = BlockKitLimits.json(view).toString();
        assertThat(json).contains("…and 60 more running");
        assertThat(json.split("completed after", -1)).hasSize(21);
    }

    @Test
    void home_finished_newestEndFirstAndAtMostTwenty() {
        Rollout early = Rollouts.failed();
        Rollout late = Rollouts.completed();

        String json = BlockKitLimits.json(triggerHome(List.of(), List.of(new TrackedRollout(early, THREAD),
                new TrackedRollout(withId(late, "r-9"), THREAD)), WORKSPACE)).toString();

        assertThat(json.indexOf("completed after")).isLessThan(json.indexOf("failed after"));
    }

    @Test
    void home_hostileNamesAndIds_areEscaped() {
        ClusterRef hostile = new ClusterRef(Product.KAFKA, "<!here>", "<!channel> & co", "<KR>");
        Rollout r = Rollout.started("r-x", new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, hostile), "U1><!channel", "x"), Rollouts.T0);

        View view = triggerHome(List.of(new TrackedRollout(r, new ThreadRef("C1>|<!here", "1.2", "1.3"))), List.of(), "https://x.slack.com/?a=1&b=<2>");

        String mrkdwn = UpgradeViewsTest.mrkdwn(BlockKitLimits.json(view));
        assertThat(mrkdwn).contains("*&lt;!channel&gt; &amp; co*").contains("&lt;KR&gt;").contains("<@U1&gt;&lt;!channel>")
                .doesNotContain("<!channel>").doesNotContain("<!here>").contains("a=1&amp;b=&lt;2&gt;");
    }

    @Test
    void home_equalInput_rendersEqualViews() {
        List<TrackedRollout> active = List.of(new TrackedRollout(Rollouts.midway(), THREAD));

        assertThat(BlockKitLimits.json(HomeViews.home(active, List.of(), WORKSPACE, false, Locale.ENGLISH)))
                .isEqualTo(BlockKitLimits.json(HomeViews.home(List.of(new TrackedRollout(Rollouts.midway(), THREAD)), List.of(), WORKSPACE, false, Locale.ENGLISH)));
    }

    @Test
    void home_simulated_carriesTheSimulatedLabel() {
        View view = HomeViews.home(List.of(), List.of(), WORKSPACE, true, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(view);
        assertThat(BlockKitLimits.json(view).toString()).contains("Simulated cluster");
    }

    private static Rollout withId(Rollout r, String id) {
        return new Rollout(id, r.request(), r.startedAt(), r.tracking());
    }

    private static View triggerHome(List<TrackedRollout> active, List<TrackedRollout> recent, String workspaceUrl) {
        View view = HomeViews.home(active, recent, workspaceUrl, false, Locale.ENGLISH);
        BlockKitLimits.assertWithinLimits(view);
        return view;
    }
}

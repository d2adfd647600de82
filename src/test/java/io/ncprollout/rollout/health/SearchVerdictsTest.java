package io.ncprollout.rollout.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.health.GateReport.Finding;
import io.ncprollout.rollout.health.GateReport.Finding.Kind;
import org.junit.jupiter.api.Test;

class SearchVerdictsTest {

    @Test
    void green_passesEitherRequirement() {
        SearchSnapshot green = new SearchSnapshot("green", 3, 3, 0, 0, 0);

        assertThat(SearchVerdicts.judge(green, "green").verdict()).isEqualTo(GateReport.Verdict.PASSED);
        assertThat(SearchVerdicts.judge(green, "yellow").figure("status")).contains("green");
    }

    @Test
    void yellow_failsGreen_passesYellowUnlessShardsMove() {
        SearchSnapshot yellow = new SearchSnapshot("yellow", 3, 3, 0, 0, 0);
        assertThat(SearchVerdicts.judge(yellow, "green").worst()).extracting(Finding::kind).containsExactly(Kind.CLUSTER_STATUS);
        assertThat(SearchVerdicts.judge(yellow, "yellow").verdict()).isEqualTo(GateReport.Verdict.PASSED);

        // a real yellow cluster: replicas unassigned or initializing is what yellow means; relocating still fails
        GateReport realYellow = SearchVerdicts.judge(new SearchSnapshot("yellow", 3, 3, 0, 2, 4), "yellow");
        assertThat(realYellow.verdict()).isEqualTo(GateReport.Verdict.PASSED);
        assertThat(realYellow.lagging()).hasValue(6);
        GateReport recovering = SearchVerdicts.judge(new SearchSnapshot("yellow", 3, 3, 1, 2, 4), "yellow");
        assertThat(recovering.worst()).extracting(Finding::kind).containsExactly(Kind.SHARDS_RELOCATING);
        assertThat(recovering.lagging()).hasValue(7);
        assertThat(SearchVerdicts.judge(new SearchSnapshot("yellow", 3, 3, 1, 2, 4), "green").worst()).extracting(Finding::kind)
                .containsExactly(Kind.CLUSTER_STATUS, Kind.SHARDS_UNASSIGNED, Kind.SHARDS_INITIALIZING, Kind.SHARDS_RELOCATING);
    }

    @Test
    void redOrAnUnknownStatus_failsVerbatim() {
        assertThat(SearchVerdicts.judge(new SearchSnapshot("red", 3, 3, 0, 0, 5), "yellow").verdict()).isEqualTo(GateReport.Verdict.FAILED);
        GateReport purple = SearchVerdicts.judge(new SearchSnapshot("purple", 3, 3, 0, 0, 0), "yellow");
        assertThat(purple.worst()).singleElement().satisfies(f -> assertThat(f.detail()).isEqualTo("purple"));
    }

    @Test
    void requireRed_isAProgrammingError() {
        assertThatThrownBy(() -> SearchVerdicts.judge(new SearchSnapshot("green", 1, 1, 0, 0, 0), "blue")).isInstanceOf(IllegalArgumentException.class);
    }
}

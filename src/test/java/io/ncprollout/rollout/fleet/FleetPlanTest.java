package io.ncprollout.rollout.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.ClusterSummary;
import io.ncprollout.rollout.cluster.Product;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which clusters a fleet runs, in which order. */
class FleetPlanTest {
    private static final List<ClusterSummary> REGION = List.of(summary("orders-prod", "1", 5), summary("orders-stage", "2", 3),
            summary("payments-prod", "3", 3), summary("orders-dr", "4", 3), summary("audit-log", "5", 6));

    private static ClusterSummary summary(String name, String number, int nodes) {
        return new ClusterSummary(new ClusterRef(Product.KAFKA, number, name, "KR"), "running", "3.7.1", nodes);
    }

    private static List<String> names(FleetPlan.Selection s) {
        return s.clusters().stream().map(c -> c.cluster().name()).toList();
    }

    @Test
    void glob_selectsByName_smallestFirstThenByName() {
        assertThat(names(FleetPlan.none().select("orders-*", REGION))).containsExactly("orders-dr", "orders-stage", "orders-prod");
        assertThat(names(FleetPlan.none().select("ORDERS-?RO*", REGION))).containsExactly("orders-prod");
    }

    @Test
    void all_selectsTheWholeRegion() {
        assertThat(names(FleetPlan.none().select("--all", REGION))).hasSize(5).startsWith("orders-dr").endsWith("audit-log");
    }

    @Test
    void list_namesOrNumbers_unknownOnesListed_duplicatesOnce() {
        FleetPlan.Selection s = FleetPlan.none().select("payments-prod,5,orders-typo,payments-prod", REGION);

        assertThat(names(s)).containsExactly("payments-prod", "audit-log");
        assertThat(s.unknown()).containsExactly("orders-typo");
    }

    @Test
    void configuredList_isItsOwnOrder_andOrdersOtherSelections_canaryFirst() {
        FleetPlan plan = new FleetPlan(Map.of("kr-orders", List.of("orders-stage", "orders-prod", "orders-dr")));

        assertThat(names(plan.select("kr-orders", REGION))).containsExactly("orders-stage", "orders-prod", "orders-dr");
        assertThat(names(plan.select("*-prod", REGION))).as("listed clusters first, in list order, then the smallest")
                .containsExactly("orders-prod", "payments-prod");
        assertThat(names(plan.select("--all", REGION))).containsExactly("orders-stage", "orders-prod", "orders-dr", "payments-prod", "audit-log");
    }

    @Test
    void isFleet_forPatternsListsAllAndConfiguredNames_notForOneCluster() {
        FleetPlan plan = new FleetPlan(Map.of("kr-orders", List.of("orders-stage")));

        assertThat(plan.isFleet("orders-*")).isTrue();
        assertThat(plan.isFleet("a,b")).isTrue();
        assertThat(plan.isFleet("--all")).isTrue();
        assertThat(plan.isFleet("kr-orders")).isTrue();
        assertThat(plan.isFleet("orders-prod")).isFalse();
    }
}

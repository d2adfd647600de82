package io.ncprollout.rollout.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Globs;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
    private static final ClusterRef ORDERS = new ClusterRef(Product.KAFKA, "1", "orders-prod", "KR");
    private static final ClusterRef PAYMENTS = new ClusterRef(Product.KAFKA, "2", "payments-prod", "KR");
    private static final BiPredicate<String, String> SRE = (user, group) -> group.equals("S0SRE") && user.equals("U0SRE");
    private static final AccessPolicy POLICY = new AccessPolicy(AccessPolicy.Mode.POLICY, List.of(
            new AccessPolicy.Grant(Set.of(Product.KAFKA), Set.of("restart"), List.of("orders-*"), List.of("C0OPS"), Set.of("U0ALICE"), Set.of()),
            new AccessPolicy.Grant(Set.of(Product.KAFKA, Product.OPENSEARCH), Set.of("restart", "upgrade", "restart-cmak"), List.of("*"),
                    List.of("*"), Set.of(), Set.of("S0SRE"))),
            new AccessPolicy.Principals(Set.of("U0ALICE"), Set.of("S0SRE")), Set.of("U0ADMIN"));

    @Test
    void canStart_userGrantedOnMatchingClusterAndChannel_isAllowed() {
        assertThat(POLICY.canStart("U0ALICE", OperationKind.KAFKA_RESTART, ORDERS, "C0OPS", SRE).allowed()).isTrue();
    }

    @Test
    void canStart_otherClusterChannelOrAction_isDeniedWithAReason() {
        assertThat(POLICY.canStart("U0ALICE", OperationKind.KAFKA_RESTART, PAYMENTS, "C0OPS", SRE).allowed()).isFalse();
        assertThat(POLICY.canStart("U0ALICE", OperationKind.KAFKA_RESTART, ORDERS, "C0DEV", SRE).allowed()).isFalse();
        AccessPolicy.Decision upgrade = POLICY.canStart("U0ALICE", OperationKind.KAFKA_UPGRADE, ORDERS, "C0OPS", SRE);
        assertThat(upgrade.allowed()).isFalse();
        assertThat(upgrade.reason()).isEqualTo(new Refusal.NotGranted(OperationKind.KAFKA_UPGRADE, "orders-prod"));
    }

    @Test
    void canStart_groupMember_isAllowedAnywhere() {
        assertThat(POLICY.canStart("U0SRE", OperationKind.KAFKA_UPGRADE, PAYMENTS, "C0ANY", SRE).allowed()).isTrue();
        assertThat(POLICY.canStart("U0BOB", OperationKind.KAFKA_UPGRADE, PAYMENTS, "C0ANY", SRE).allowed()).isFalse();
    }

    @Test
    void modes_openAllowsAllAndReadOnlyAllowsOnlyReads() {
        AccessPolicy open = new AccessPolicy(AccessPolicy.Mode.OPEN, List.of(), AccessPolicy.Principals.everyone(), Set.of());
        AccessPolicy readOnly = new AccessPolicy(AccessPolicy.Mode.READ_ONLY, List.of(), AccessPolicy.Principals.everyone(), Set.of());

        assertThat(open.canStart("U1", OperationKind.KAFKA_RESTART, ORDERS, "C1", SRE).allowed()).isTrue();
        assertThat(open.canAdmin("U1").allowed()).isTrue();
        assertThat(readOnly.canStart("U1", OperationKind.KAFKA_RESTART, ORDERS, "C1", SRE).reason()).isEqualTo(new Refusal.ReadOnly());
        assertThat(readOnly.canRead("U1", SRE).allowed()).isTrue();
        assertThat(readOnly.canAdmin("U1").allowed()).isFalse();
    }

    @Test
    void canRead_followsTheReadRule() {
        assertThat(POLICY.canRead("U0ALICE", SRE).allowed()).isTrue();
        assertThat(POLICY.canRead("U0SRE", SRE).allowed()).isTrue();
        assertThat(POLICY.canRead("U0BOB", SRE).allowed()).isFalse();
    }

    @Test
    void canAdmin_onlyAdmins() {
        assertThat(POLICY.canAdmin("U0ADMIN").allowed()).isTrue();
        assertThat(POLICY.canAdmin("U0ALICE").allowed()).isFalse();
    }

    @Test
    void globs_matchStarsAndQuestionMarksIgnoringCase() {
        assertThat(Globs.matches("*-prod", "Orders-PROD")).isTrue();
        assertThat(Globs.matches("orders-?", "orders-1")).isTrue();
        assertThat(Globs.matches("orders-?", "orders-12")).isFalse();
        assertThat(Globs.matches("*a*b*", "xxaxxbxx")).isTrue();
        assertThat(Globs.matches("*", "")).isTrue();
        assertThat(Globs.matches("a", "b")).isFalse();
    }

    @Test
    void canRead_inAChannel_followsTheReadRulesChannels() {
        AccessPolicy opsOnly = new AccessPolicy(AccessPolicy.Mode.POLICY, List.of(), new AccessPolicy.Principals(Set.of("*"), Set.of()),
                Set.of(), List.of("C0OPS"));

        assertThat(opsOnly.canRead("U0BOB", "C0OPS", SRE).allowed()).isTrue();
        assertThat(opsOnly.canRead("U0BOB", "C0PRIVATE", SRE).allowed()).isFalse();
        assertThat(POLICY.canRead("U0ALICE", "C0PRIVATE", SRE).allowed()).as("no channels named: every channel").isTrue();
        assertThat(POLICY.canRead("U0BOB", "C0OPS", SRE).allowed()).as("the user rule still applies").isFalse();
    }
}

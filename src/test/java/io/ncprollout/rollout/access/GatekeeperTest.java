package io.ncprollout.rollout.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.audit.AuditEvent;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.store.InMemoryAuditLog;
import io.ncprollout.store.InMemoryFreezeList;
import io.ncprollout.testing.Journals;
import io.ncprollout.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatekeeperTest {
    private static final ClusterRef ORDERS = new ClusterRef(Product.KAFKA, "1", "orders-prod", "KR");
    private static final ClusterRef PAYMENTS = new ClusterRef(Product.KAFKA, "2", "payments-prod", "KR");
    private static final Instant FROZEN_AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final AccessPolicy POLICY = new AccessPolicy(AccessPolicy.Mode.POLICY, List.of(
            new AccessPolicy.Grant(Set.of(Product.KAFKA), Set.of("restart"), List.of("*"), List.of("C0OPS"), Set.of("U0ALICE"), Set.of()),
            new AccessPolicy.Grant(Set.of(Product.KAFKA), Set.of("upgrade"), List.of("*"), List.of("*"), Set.of(), Set.of("S0SRE"))),
            new AccessPolicy.Principals(Set.of("U0ALICE", "U0BOB"), Set.of("S0SRE")), Set.of("U0ADMIN"));

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final InMemoryFreezeList freezes = new InMemoryFreezeList();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final Gatekeeper gatekeeper = new Gatekeeper(POLICY, (user, group) -> user.equals("U0SRE") && group.equals("S0SRE"),
            freezes, audit, clock, Journals.WORDING);

    @Test
    void mayStart_granted_isAllowed_andNotAudited() {
        assertThat(gatekeeper.mayStart("U0ALICE", OperationKind.KAFKA_RESTART, ORDERS, "C0OPS").allowed()).isTrue();
        assertThat(gatekeeper.mayStart("U0SRE", OperationKind.KAFKA_UPGRADE, ORDERS, "C0ANY").allowed()).isTrue();

        assertThat(audit.latest(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void mayStart_notGranted_isRefusedAsData_andTheDenialIsAudited() {
        AccessPolicy.Decision decision = gatekeeper.mayStart("U0ALICE", OperationKind.KAFKA_UPGRADE, ORDERS, "C0OPS");

        assertThat(decision.reason()).isEqualTo(new Refusal.NotGranted(OperationKind.KAFKA_UPGRADE, "orders-prod"));
        assertThat(audit.latest(Optional.of(ORDERS), 10)).singleElement().satisfies(e -> {
            assertThat(e).extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::outcome, AuditEvent::at)
                    .containsExactly("U0ALICE", "denied", "kafka upgrade", clock.instant());
            assertThat(e.detail()).isEqualTo(Journals.WORDING.refusal(decision.reason())).isNotBlank();
        });
    }

    @Test
    void mayStart_onAFrozenCluster_isRefusedWithTheFreeze_evenWhenGranted() {
        freezes.freeze(new Freeze(Optional.of(ORDERS), "quarter-end", "U0ADMIN", FROZEN_AT));

        AccessPolicy.Decision decision = gatekeeper.mayStart("U0ALICE", OperationKind.KAFKA_RESTART, ORDERS, "C0OPS");

        assertThat(decision.reason()).isEqualTo(new Refusal.Frozen(Optional.of("orders-prod"), "U0ADMIN", FROZEN_AT, "quarter-end"));
        assertThat(audit.latest(Optional.of(ORDERS), 10)).singleElement().extracting(AuditEvent::action).isEqualTo("denied");
        assertThat(gatekeeper.mayStart("U0ALICE", OperationKind.KAFKA_RESTART, PAYMENTS, "C0OPS").allowed())
                .as("a freeze of one cluster leaves the others").isTrue();
    }

    @Test
    void mayStart_whenAllClustersAreFrozen_namesNoCluster() {
        freezes.freeze(new Freeze(Optional.empty(), "incident 42", "U0ADMIN", FROZEN_AT));

        assertThat(gatekeeper.mayStart("U0ALICE", OperationKind.KAFKA_RESTART, PAYMENTS, "C0OPS").reason())
                .isEqualTo(new Refusal.Frozen(Optional.empty(), "U0ADMIN", FROZEN_AT, "incident 42"));
    }

    @Test
    void mayStart_notGrantedAndFrozen_saysNotGranted_theFreezeIsNotTheReason() {
        freezes.freeze(new Freeze(Optional.empty(), "incident 42", "U0ADMIN", FROZEN_AT));

        assertThat(gatekeeper.mayStart("U0BOB", OperationKind.KAFKA_RESTART, ORDERS, "C0OPS").reason())
                .isInstanceOf(Refusal.NotGranted.class);
    }

    @Test
    void mayRead_andMayAdmin_denialsAreAudited_canSeeIsNot() {
        assertThat(gatekeeper.mayRead("U0EVE").reason()).isEqualTo(new Refusal.NotAReader());
        assertThat(gatekeeper.mayAdmin("U0ALICE").reason()).isEqualTo(new Refusal.NotAnAdmin());
        assertThat(gatekeeper.mayAdmin("U0ADMIN").allowed()).isTrue();
        assertThat(gatekeeper.canSee("U0EVE", "C0OPS")).isFalse();

        assertThat(audit.latest(Optional.empty(), 10)).extracting(AuditEvent::actor, AuditEvent::outcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("U0EVE", "read"), org.assertj.core.groups.Tuple.tuple("U0ALICE", "admin"));
    }
}

package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.ApprovalStore;
import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.operation.OperationTarget;
import io.ncprollout.rollout.operation.RolloutRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin's "start anyway" waits with its request for the approval, on the embedded database and in memory (V6). */
class H2ApprovalStartAnywayTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path tmp;

    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static PendingApproval pending(String id, boolean anyway) {
        RolloutRequest request = new RolloutRequest(OperationTarget.of(OperationKind.KAFKA_RESTART, new ClusterRef(Product.KAFKA, "1", "orders-prod", "KR")),
                "U0ADMIN", "disk swap").withStartAnyway(anyway);
        return new PendingApproval(id, request, "C1", "1700000000.000100", new AccessPolicy.Principals(java.util.Set.of("U0APPROVER"), java.util.Set.of()), T0,
                T0.plusSeconds(1800), PendingApproval.Decision.pending());
    }

    @Test
    void startAnyway_survivesTheStore_andApproval() {
        database = Database.open(DatabaseSettings.embedded(tmp));
        for (ApprovalStore store : List.of(new JdbcApprovalStore(database.dataSource()), new InMemoryApprovalStore())) {
            store.save(pending("a-1", true));
            store.save(pending("a-2", false));

            assertThat(store.find("a-1").orElseThrow().request().startAnyway()).as(store.getClass().getSimpleName()).isTrue();
            assertThat(store.find("a-2").orElseThrow().request().startAnyway()).isFalse();
            assertThat(store.find("a-1").orElseThrow().request().approvedBy("U0APPROVER").startAnyway()).isTrue();
        }
    }
}

package io.ncprollout.rollout.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicaTest {

    @Test
    void ownerId_withAStableInstanceId_isTheInstanceAndThisBoot() {
        assertThat(Replica.ownerId(Optional.of("bot-0"), "host-a", "1a2b3c4d")).isEqualTo("bot-0#1a2b3c4d");
    }

    @Test
    void ownerId_withoutOne_isTheHostAndThisBoot_soEveryProcessIsANewReplica() {
        assertThat(Replica.ownerId(Optional.empty(), "host-a", "1a2b3c4d")).isEqualTo("host-a-1a2b3c4d");
        assertThat(Replica.ownerId(Optional.empty(), "host-a", "9f8e7d6c")).isNotEqualTo(Replica.ownerId(Optional.empty(), "host-a", "1a2b3c4d"));
    }
}

package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.tracking.Alerts;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.Snapshot;
import io.ncprollout.rollout.tracking.Tracking;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingJsonTest {

    @Test
    void roundTrip_everyFieldSet_isEqual() {
        Tracking rich = StoredRollouts.richTracking();

        assertThat(TrackingJson.read(TrackingJson.write(rich))).isEqualTo(rich);
    }

    @Test
    void roundTrip_endedWithNothingOptional_isEqual() {
        Tracking bare = new Tracking(RolloutState.UNCONFIRMED, new Snapshot("", List.of(), Optional.empty()), false,
                Instant.parse("2026-11-22T10:00:00Z"), new Alerts(Set.of(), 0, Optional.empty()),
                Optional.of(new Tracking.Ending(Instant.parse("2026-11-22T10:30:00.5Z"), new EndingReason.Text("no change seen in 30m"))), io.ncprollout.rollout.tracking.CatchUp.none());

        assertThat(TrackingJson.read(TrackingJson.write(bare))).isEqualTo(bare);
    }

    @Test
    void write_keepsRawStatusVerbatimAndOmitsEmptyOptionals() {
        String json = TrackingJson.write(StoredRollouts.richTracking());

        assertThat(json).contains("\"rawStatus\":\"Quantum_Flux\"").contains("\"startedAt\":\"2026-11-22T10:00:15.000000001Z\"")
                .doesNotContain("null").doesNotContain("\"ending\"");
    }

    @Test
    void read_unknownField_isIgnored() {
        String json = TrackingJson.write(StoredRollouts.richTracking()).replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");

        assertThat(TrackingJson.read(json)).isEqualTo(StoredRollouts.richTracking());
    }

    @Test
    void read_unknownEnumValue_failsNamingIt() {
        String json = TrackingJson.write(StoredRollouts.richTracking()).replace("\"IN_PROGRESS\"", "\"HALFWAY\"");

        assertThatThrownBy(() -> TrackingJson.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NodePhase").hasMessageContaining("HALFWAY");
    }

    @Test
    void read_missingField_failsNamingIt() {
        String json = TrackingJson.write(StoredRollouts.richTracking()).replace("\"lastChangeAt\"", "\"renamed\"");

        assertThatThrownBy(() -> TrackingJson.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastChangeAt");
    }

    @Test
    void read_notJson_fails() {
        assertThatThrownBy(() -> TrackingJson.read("{nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }
}

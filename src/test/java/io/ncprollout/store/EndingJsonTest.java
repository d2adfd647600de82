package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.tracking.Alerts;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.RolloutState;
import io.ncprollout.rollout.tracking.Snapshot;
import io.ncprollout.rollout.tracking.Tracking;
import io.ncprollout.testing.Reasons;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ending reasons in the stored tracking: typed ones round-trip as codes, sentences of older versions come back verbatim. */
class EndingJsonTest {
    private static final String OLD_ROW = "{\"format\":1,\"state\":\"STALLED\",\"snapshot\":{\"clusterStatus\":\"changing\",\"nodes\":[]},"
            + "\"changeSeen\":true,\"lastChangeAt\":\"2026-11-22T10:00:00Z\",\"alerts\":{\"raised\":[],\"readFailures\":0},"
            + "\"ending\":{\"at\":\"2026-11-22T11:00:00Z\",\"reason\":\"nothing changed for 1h 00m; stopped watching (the operation may"
            + " still be running at NCP)\"}}";

    @Test
    void samples_coverEveryKindOfReason() {
        assertThat(Reasons.endings().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(EndingReason.class.getPermittedSubclasses()));
    }

    @Test
    void roundTrip_everyReason_isEqual() {
        for (EndingReason reason : Reasons.endings()) {
            Tracking ended = ended(reason);

            assertThat(TrackingJson.read(TrackingJson.write(ended))).as("%s", reason).isEqualTo(ended);
        }
    }

    @Test
    void read_sentenceStoredByAnOlderVersion_comesBackVerbatim() {
        Tracking read = TrackingJson.read(OLD_ROW);

        assertThat(read.ending().orElseThrow().reason()).isEqualTo(new EndingReason.Text(
                "nothing changed for 1h 00m; stopped watching (the operation may still be running at NCP)"));
    }

    @Test
    void write_typedReason_keepsItsCodeWhereOlderVersionsReadASentence() {
        String json = TrackingJson.write(ended(new EndingReason.Stalled(java.time.Duration.ofHours(1))));

        assertThat(json).contains("\"reason\":\"stalled\"", "\"why\":{\"code\":\"stalled\",\"quiet\":\"PT1H\"}");
    }

    @Test
    void read_codeOfANewerVersion_showsItsReasonField() {
        String json = TrackingJson.write(ended(new EndingReason.Completed()))
                .replace("\"why\":{\"code\":\"completed\"}", "\"why\":{\"code\":\"paused\",\"by\":\"U1\"}");

        assertThat(TrackingJson.read(json).ending().orElseThrow().reason()).isEqualTo(new EndingReason.Text("completed"));
    }

    private static Tracking ended(EndingReason reason) {
        return new Tracking(RolloutState.FAILED, new Snapshot("error", List.of(), Optional.empty()), true,
                Instant.parse("2026-11-22T10:00:00Z"), new Alerts(Set.of(), 0, Optional.empty()),
                Optional.of(new Tracking.Ending(Instant.parse("2026-11-22T10:30:00Z"), reason)), io.ncprollout.rollout.tracking.CatchUp.none());
    }
}

package io.ncprollout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.ncp.NcpRegion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure helpers: paging, host naming, settings masking. */
class SmallPartsTest {

    @Test
    void paging_parse_defaultsAndBounds() {
        assertThat(Paging.parse(null, null)).contains(new Paging(1, 10));
        assertThat(Paging.parse("2", "5")).contains(new Paging(2, 5));
        assertThat(Paging.parse("0", null)).isEmpty();
        assertThat(Paging.parse("x", null)).isEmpty();
        assertThat(Paging.parse(null, "1.5")).isEmpty();
    }

    @Test
    void paging_slice_pastTheEndIsEmpty() {
        List<Integer> items = List.of(1, 2, 3);

        assertThat(new Paging(2, 2).slice(items)).containsExactly(3);
        assertThat(new Paging(3, 2).slice(items)).isEmpty();
    }

    @Test
    void clusterSpec_hosts_followTheDocsPattern() {
        ClusterSpec kafka = ClusterSpec.kafka("demo-kafka", NcpRegion.KR, 10_178_538L, "3713006", 3);
        ClusterSpec search = ClusterSpec.openSearch("s-test", NcpRegion.KR, 10_000_000L, "270", 2, 2);

        assertThat(kafka.workerHosts()).containsExactly("demo-kafka-b-25t6", "demo-kafka-b-25t7", "demo-kafka-b-25t8");
        assertThat(kafka.managerHosts()).containsExactly("demo-kafka-m-25t9");
        assertThat(search.managerHosts()).hasSize(2).allMatch(h -> h.matches("s-test-m-[0-9a-z]{4}"));
        assertThat(search.workerHosts()).hasSize(2).allMatch(h -> h.matches("s-test-d-[0-9a-z]{4}"));
    }

    @Test
    void clusterSpec_invalid_rejected() {
        assertThatThrownBy(() -> ClusterSpec.kafka("Bad Name", NcpRegion.KR, 10_000_000L, "3713006", 3))
                .hasMessageContaining("cluster name");
        assertThatThrownBy(() -> ClusterSpec.kafka("ok-name", NcpRegion.KR, 42L, "3713006", 3))
                .hasMessageContaining("7 or 8 digits");
        assertThatThrownBy(() -> ClusterSpec.openSearch("ok-name", NcpRegion.KR, 10_000_000L, "3713006", 2, 3))
                .hasMessageContaining("unknown opensearch version");
    }

    @Test
    void settings_toString_masksSecret() {
        SimulatorSettings settings = SimulatorSettings.defaults().withKeys("AK", "VERYSECRET");

        assertThat(settings.toString()).contains("AK").doesNotContain("VERYSECRET").contains("secretKey=***");
    }

    @Test
    void faults_rateOutsideRange_rejected() {
        assertThatThrownBy(() -> new SimulatorFaults().readFailureRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatorFaults().throttleRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}

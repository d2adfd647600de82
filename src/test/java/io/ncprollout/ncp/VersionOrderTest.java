package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {
    private static final List<VersionChoice> SES = List.of(
            new VersionChoice("2180", "OpenSearch 2.18.0"), new VersionChoice("270", "OpenSearch 2.7.0"),
            new VersionChoice("2150", "OpenSearch 2.15.0"), new VersionChoice("290", "OpenSearch 2.9.0"));

    @Test
    void options_newerByNumericCode_oldestFirst() {
        UpgradeOptions options = VersionOrder.options("290", SES);

        assertThat(options.current().name()).isEqualTo("OpenSearch 2.9.0");
        assertThat(options.newer()).extracting(VersionChoice::code).containsExactly("2150", "2180");
    }

    @Test
    void options_newest_offersNothing() {
        assertThat(VersionOrder.options("2180", SES).newer()).isEmpty();
    }

    @Test
    void options_unknownCurrent_keepsTheCodeAsName() {
        UpgradeOptions options = VersionOrder.options("9999", SES);

        assertThat(options.current()).isEqualTo(new VersionChoice("9999", "9999"));
        assertThat(options.newer()).isEmpty();
    }

    @Test
    void options_nonNumericCodes_areNeverOffered() {
        UpgradeOptions options = VersionOrder.options("270", List.of(new VersionChoice("beta", "OpenSearch beta"), SES.get(0)));

        assertThat(options.newer()).extracting(VersionChoice::code).containsExactly("2180");
    }

    @Test
    void find_byCodeNameOrDottedNumber() {
        UpgradeOptions options = new UpgradeOptions(new VersionChoice("3713006", "Kafka 3.7.1, CMAK 3.0.0.6"),
                List.of(new VersionChoice("3903006", "Kafka 3.9.0, CMAK 3.0.0.6")));

        assertThat(options.find("3903006")).isPresent();
        assertThat(options.find("3.9.0")).isPresent();
        assertThat(options.find("3.0.0")).isEmpty();
        assertThat(options.find("9.9.9")).isEmpty();
    }
}

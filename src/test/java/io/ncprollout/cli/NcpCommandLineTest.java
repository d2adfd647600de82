package io.ncprollout.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NcpCommandLineTest {

    @Test
    void parse_callWithRegionAnywhere_isRecognised() {
        NcpQuery query = NcpCommandLine.parse(List.of("cdss", "status", "--region", "sgn", "1234567"));

        assertThat(query.call()).isEqualTo(NcpCall.CDSS_STATUS);
        assertThat(query.region()).contains("SGN");
        assertThat(query.args()).containsExactly("1234567");
    }

    @Test
    void parse_regionWithEquals_isRecognised() {
        assertThat(NcpCommandLine.parse(List.of("--region=jpn", "ses", "list")).region()).contains("JPN");
    }

    @Test
    void parse_unknownCall_saysWhich() {
        assertThatThrownBy(() -> NcpCommandLine.parse(List.of("cdss", "restart", "123")))
                .hasMessage("unknown call 'cdss restart'");
    }

    @Test
    void parse_missingArgument_showsTheSynopsis() {
        assertThatThrownBy(() -> NcpCommandLine.parse(List.of("cdss", "upgrade-precheck", "123")))
                .hasMessageContaining("takes 3 argument(s): cdss upgrade-precheck <clusterNo> <kafkaVersionCode> <configGroupNo>");
    }

    @Test
    void parse_nonNumericClusterNumber_isRefused() {
        assertThatThrownBy(() -> NcpCommandLine.parse(List.of("cdss", "status", "demo-kafka")))
                .hasMessage("<clusterNo> must be a number, not 'demo-kafka'");
    }

    @Test
    void parse_regionWithoutValue_isRefused() {
        assertThatThrownBy(() -> NcpCommandLine.parse(List.of("cdss", "list", "--region")))
                .hasMessageContaining("--region needs a value");
    }

    @Test
    void parse_unknownOption_isRefused() {
        assertThatThrownBy(() -> NcpCommandLine.parse(List.of("cdss", "list", "--all"))).hasMessage("unknown option --all");
    }

    @Test
    void usage_listsEveryCall() {
        String usage = NcpCommandLine.usage();

        for (NcpCall call : NcpCall.values()) {
            assertThat(usage).contains(call.synopsis());
        }
    }
}

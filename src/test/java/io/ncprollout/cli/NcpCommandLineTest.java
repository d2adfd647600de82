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
                .hasMessage("unknown call 'cdss restart' — did you mean 'cdss restart-precheck'?");
    }

    @Test
    void parse_missingArgument_showsTheSynopsis() {
        assertThatThrownBy(() -> NcpCommandLine.parse(List.of("cdss", "upgrade-precheck", "123")))
                .hasMessageContaining("takes 3 argument(s): cdss upgrade-precheck <cluster> <kafkaVersionCode> <configGroupNo>");
    }

    @Test
    void parse_clusterByNameOrNumber_isAccepted_butNotAMalformedOne() {
        assertThat(NcpCommandLine.parse(List.of("cdss", "status", "demo-kafka")).arg(0)).isEqualTo("demo-kafka");
        assertThat(NcpCommandLine.parse(List.of("cdss", "status", "10178538")).arg(0)).isEqualTo("10178538");
        assertThatThrownBy(() -> NcpCommandLine.parse(List.of("cdss", "status", "demo kafka;")))
                .hasMessage("<cluster> must be a cluster name or number, not 'demo kafka;'");
        assertThatThrownBy(() -> NcpCommandLine.parse(List.of("cdss", "upgrade-precheck", "demo-kafka", "3.9.0", "321")))
                .hasMessage("<kafkaVersionCode> must be a number, not '3.9.0'");
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

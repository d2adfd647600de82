package io.ncprollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NcpConfigTest {

    @Test
    void fromEnv_nothingSet_usesSimulatorOnPublicKr() {
        NcpConfig config = NcpConfig.fromEnv(Map.of());

        assertThat(config.useSimulator()).isTrue();
        assertThat(config.site()).isEqualTo("public");
        assertThat(config.region()).isEqualTo("KR");
    }

    @Test
    void fromEnv_bothKeysAndOverrides_usesRealApi() {
        NcpConfig config = NcpConfig.fromEnv(Map.of(
                "NCP_ACCESS_KEY", "AK", "NCP_SECRET_KEY", "SK", "NCP_SITE", "GOV", "NCP_REGION", "krs",
                "NCP_CDSS_ENDPOINT", "http://127.0.0.1:8089"));

        assertThat(config.useSimulator()).isFalse();
        assertThat(config.site()).isEqualTo("gov");
        assertThat(config.region()).isEqualTo("KRS");
        assertThat(config.cdssEndpoint()).contains("http://127.0.0.1:8089");
        assertThat(config.sesEndpoint()).isEmpty();
    }

    @Test
    void fromEnv_severalProblems_listsThemAllAtOnce() {
        Map<String, String> env = Map.of(
                "NCP_ACCESS_KEY", "AK", "NCP_SITE", "moon", "NCP_REGION", "US", "NCP_SES_ENDPOINT", "127.0.0.1:8089/api/v2");

        assertThatThrownBy(() -> NcpConfig.fromEnv(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(4)
                        .anySatisfy(p -> assertThat(p).startsWith("NCP_SECRET_KEY is missing"))
                        .anySatisfy(p -> assertThat(p).startsWith("NCP_SITE='moon'"))
                        .anySatisfy(p -> assertThat(p).startsWith("NCP_REGION='US'"))
                        .anySatisfy(p -> assertThat(p).startsWith("NCP_SES_ENDPOINT=")));
    }

    @Test
    void fromEnv_regionNotOnSite_namesTheSitesRegions() {
        assertThatThrownBy(() -> NcpConfig.fromEnv(Map.of("NCP_SITE", "fin", "NCP_REGION", "SGN")))
                .hasMessageContaining("NCP_REGION=SGN does not exist on the fin site: use one of KR");
    }

    @Test
    void fromEnv_endpointWithPath_isRejectedBecauseThePrefixIsAdded() {
        assertThatThrownBy(() -> NcpConfig.fromEnv(Map.of("NCP_CDSS_ENDPOINT", "https://gw.example/api/v1")))
                .hasMessageContaining("the bot adds the region's path prefix");
    }

    @Test
    void toString_masksTheSecretKey() {
        NcpConfig config = NcpConfig.fromEnv(Map.of("NCP_ACCESS_KEY", "AK", "NCP_SECRET_KEY", "s3cr3t-value"));

        assertThat(config.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void fromEnv_maxRequestsPerSecond_defaultsTo20AndReadsTheVariable() {
        assertThat(NcpConfig.fromEnv(Map.of()).maxRequestsPerSecond()).isEqualTo(20.0);
        assertThat(NcpConfig.fromEnv(Map.of("NCP_MAX_REQUESTS_PER_SECOND", "2.5")).maxRequestsPerSecond()).isEqualTo(2.5);
    }

    @Test
    void fromEnv_maxRequestsPerSecondNotPositive_isAProblem() {
        assertThatThrownBy(() -> NcpConfig.fromEnv(Map.of("NCP_MAX_REQUESTS_PER_SECOND", "0")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p).startsWith("NCP_MAX_REQUESTS_PER_SECOND='0'")));
    }
}

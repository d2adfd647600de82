package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NcpEndpointsTest {

    @Test
    void of_publicSite_usesDocumentedHostsAndPrefixes() {
        NcpEndpoints endpoints = NcpEndpoints.of(NcpSite.PUBLIC);

        assertThat(endpoints.cdssBase(NcpRegion.KR)).isEqualTo("https://clouddatastreamingservice.apigw.ntruss.com/api/v1");
        assertThat(endpoints.cdssBase(NcpRegion.SGN)).isEqualTo("https://clouddatastreamingservice.apigw.ntruss.com/api/sgn-v1");
        assertThat(endpoints.sesBase(NcpRegion.KR)).isEqualTo("https://vpcsearchengine.apigw.ntruss.com/api/v2");
        assertThat(endpoints.sesBase(NcpRegion.JPN)).isEqualTo("https://vpcsearchengine.apigw.ntruss.com/api/jpn-v2");
    }

    @Test
    void of_govSite_southernRegionUsesKrsPrefix() {
        NcpEndpoints endpoints = NcpEndpoints.of(NcpSite.GOV);

        assertThat(endpoints.cdssBase(NcpRegion.KRS)).isEqualTo("https://clouddatastreamingservice.apigw.gov-ntruss.com/api/krs-v1");
        assertThat(endpoints.sesBase(NcpRegion.KRS)).isEqualTo("https://vpcsearchengine.apigw.gov-ntruss.com/api/krs-v2");
    }

    @Test
    void of_finSite_usesFinHosts() {
        assertThat(NcpEndpoints.of(NcpSite.FIN).cdssBase(NcpRegion.KR))
                .isEqualTo("https://fin-clouddatastreamingservice.apigw.fin-ntruss.com/api/v1");
    }

    @Test
    void of_overrides_replaceHostsAndDropTrailingSlash() {
        NcpEndpoints endpoints = NcpEndpoints.of(NcpSite.PUBLIC, "http://127.0.0.1:8089/", " ");

        assertThat(endpoints.cdssBase(NcpRegion.SGN)).isEqualTo("http://127.0.0.1:8089/api/sgn-v1");
        assertThat(endpoints.sesBase(NcpRegion.KR)).isEqualTo("https://vpcsearchengine.apigw.ntruss.com/api/v2");
    }

    @Test
    void parse_acceptsAnyCaseAndRejectsUnknownWithTheChoices() {
        assertThat(NcpRegion.parse("sgn")).isEqualTo(NcpRegion.SGN);
        assertThat(NcpSite.parse("Gov")).isEqualTo(NcpSite.GOV);
        assertThatThrownBy(() -> NcpRegion.parse("us")).hasMessageContaining("kr, sgn, jpn or krs");
    }
}

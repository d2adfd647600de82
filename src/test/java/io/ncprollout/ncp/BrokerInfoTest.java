package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.ncp.dto.CdssBrokerInfo;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CDSS getBrokerInfo: the request per region, and a tolerant reading of its comma- and newline-separated Strings. */
class BrokerInfoTest {
    private final NcpTestServer ncp = new NcpTestServer();

    @AfterEach
    void tearDown() throws Exception {
        ncp.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"KR, /api/v1", "SGN, /api/sgn-v1", "JPN, /api/jpn-v1", "KRS, /api/krs-v1"})
    void getBrokerInfo_getsTheRegionsPath(NcpRegion region, String prefix) {
        ncp.respond("cdss-getBrokerInfo-ok.json");

        ncp.clients.cdss(region).getBrokerInfo(1009001L);

        RecordedRequest request = ncp.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo(prefix + "/cluster/getBrokerInfo/1009001");
    }

    @Test
    void getBrokerInfo_splitsListsTrimmedWithoutEmpties_andIgnoresUnknownShapes() {
        ncp.respond("cdss-getBrokerInfo-ok.json");

        CdssBrokerInfo info = ncp.clients.cdss(NcpRegion.KR).getBrokerInfo(1009001L);

        assertThat(info.plaintextBrokers()).containsExactly("orders-b-001:9092", "orders-b-002:9092", "orders-b-003:9092");
        assertThat(info.tlsBrokers()).containsExactly("orders-b-001:9093", "orders-b-002:9093", "orders-b-003:9093");
        assertThat(info.zookeepers()).containsExactly("orders-b-001:2181", "orders-b-002:2181", "orders-b-003:2181");
        assertThat(info.publicBrokers()).containsExactly("orders-b-001.public.example:39092", "orders-b-002.public.example:39092",
                "orders-b-003.public.example:39092");
        assertThat(info.publicEndpointBrokerTlsNodeList()).isEmpty();
        assertThat(info.localDnsTlsList()).isEmpty(); // missing: empty, not null
        assertThat(info.brokerNodeDnsInfoList().isArray()).isTrue();
    }

    @Test
    void getBrokerInfo_sparseAnswer_missingListsAreEmpty() {
        ncp.respond("cdss-getBrokerInfo-sparse.json");

        CdssBrokerInfo info = ncp.clients.cdss(NcpRegion.KR).getBrokerInfo(1009001L);

        assertThat(info.plaintextBrokers()).containsExactly("10.0.1.11:9092");
        assertThat(info.tlsBrokers()).isEmpty();
        assertThat(info.zookeepers()).isEmpty();
        assertThat(info.publicBrokers()).isEmpty();
        assertThat(DataPlanes.kafka(info).expectedBrokers()).isEqualTo(1);
    }

    @Test
    void kafkaDataPlane_listenersAsListed_countedFromTheLongerList() {
        ncp.respond("cdss-getBrokerInfo-ok.json");

        var endpoints = DataPlanes.kafka(ncp.clients.cdss(NcpRegion.KR).getBrokerInfo(1009001L));

        assertThat(endpoints.plaintext()).containsExactly("orders-b-001:9092", "orders-b-002:9092", "orders-b-003:9092");
        assertThat(endpoints.tls()).containsExactly("orders-b-001:9093", "orders-b-002:9093", "orders-b-003:9093");
        assertThat(endpoints.expectedBrokers()).isEqualTo(3);
    }
}

package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.DataEndpoints;
import io.ncprollout.rollout.operation.OperationsException;
import io.ncprollout.sim.NcpSimulator;
import io.ncprollout.sim.SimulatorSettings;
import io.ncprollout.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link NcpOperationsGateway#endpoints}: against the simulator, and NCP's failures mapped as for every other call. */
class GatewayEndpointsTest {

    @Test
    void simulated_kafkaAndOpenSearch_listTheirDataPlanes() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
        try (NcpSimulator simulator = NcpSimulator.start(SimulatorSettings.defaults().withPort(0).withClock(clock));
             NcpClients clients = NcpClients.create(new NcpClientSettings(simulator.accessKey(), simulator.secretKey(),
                     new NcpEndpoints(simulator.baseUrl(), simulator.baseUrl()), clock, RetryPolicy.defaults(), clock::advance,
                     Duration.ofSeconds(2), Duration.ofSeconds(5)))) {
            NcpOperationsGateway gateway = new NcpOperationsGateway(clients);

            DataEndpoints kafka = gateway.endpoints(new ClusterRef(Product.KAFKA, "20234567", "demo-kafka-sgn", "SGN"));
            DataEndpoints search = gateway.endpoints(new ClusterRef(Product.OPENSEARCH, "10371234", "demo-search", "KR"));

            assertThat(kafka.plaintext()).hasSize(5).allSatisfy(e -> assertThat(e).startsWith("demo-kafka-sgn-b-").endsWith(":9092"));
            assertThat(kafka.tls()).hasSize(5).allSatisfy(e -> assertThat(e).endsWith(":9093"));
            assertThat(kafka.tls().get(0).replace(":9093", "")).isEqualTo(kafka.plaintext().get(0).replace(":9092", ""));
            assertThat(kafka.expectedBrokers()).isEqualTo(5);
            // 2 managers, then 3 data nodes, on the search engine port
            assertThat(search.plaintext()).containsExactly("10.44.1.11:9200", "10.44.1.12:9200", "10.44.1.13:9200", "10.44.1.14:9200",
                    "10.44.1.15:9200");
            assertThat(search.tls()).isEqualTo(search.plaintext());
            assertThat(search.expectedBrokers()).isEqualTo(5);
            assertThatThrownBy(() -> gateway.endpoints(new ClusterRef(Product.KAFKA, "12345678", "gone", "KR")))
                    .isInstanceOfSatisfying(OperationsException.class, e -> assertThat(e.reason()).isEqualTo(OperationsException.Reason.REFUSED));
        }
    }

    @ParameterizedTest(name = "{0} HTTP {1}")
    @CsvSource({"KAFKA, 401, gateway-error-200.json, UNAUTHORIZED", "OPENSEARCH, 401, gateway-error-210.json, UNAUTHORIZED",
        "KAFKA, 404, gateway-error-300.json, NOT_FOUND", "OPENSEARCH, 503, gateway-error-500.json, UNAVAILABLE"})
    void ncpFailures_mappedAsForEveryCall(Product product, int status, String fixture, OperationsException.Reason reason) throws Exception {
        try (NcpTestServer ncp = new NcpTestServer()) {
            for (int i = 0; i < 5; i++) {
                ncp.respond(status, fixture);
            }
            NcpOperationsGateway gateway = new NcpOperationsGateway(ncp.clients);

            assertThatThrownBy(() -> gateway.endpoints(new ClusterRef(product, "1009001", "c", "KR")))
                    .isInstanceOfSatisfying(OperationsException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        }
    }
}

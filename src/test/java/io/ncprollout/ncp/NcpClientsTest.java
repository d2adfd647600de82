package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The factory, and the promise that no key or signature ever leaves in a message. */
class NcpClientsTest {
    private final NcpTestServer ncp = new NcpTestServer();

    @AfterEach
    void tearDown() throws Exception {
        ncp.close();
    }

    @Test
    void cdssAndSes_sameRegion_returnTheCachedClient() {
        assertThat(ncp.clients.cdss(NcpRegion.KR)).isSameAs(ncp.clients.cdss(NcpRegion.KR))
                .isNotSameAs(ncp.clients.cdss(NcpRegion.SGN));
        assertThat(ncp.clients.ses(NcpRegion.JPN)).isSameAs(ncp.clients.ses(NcpRegion.JPN));
    }

    @Test
    void settingsToString_masksTheKeys() {
        NcpClientSettings settings = NcpClientSettings.defaults(NcpTestServer.ACCESS_KEY, NcpTestServer.SECRET_KEY,
                NcpEndpoints.of(NcpSite.PUBLIC), Clock.systemUTC());

        assertThat(settings.toString()).doesNotContain(NcpTestServer.SECRET_KEY)
                .doesNotContain(NcpTestServer.ACCESS_KEY).contains("secretKey=***");
    }

    @Test
    void exceptions_serverEchoesKeys_neverCarryKeysOrSignature() {
        // GIVEN failures of every shape, one of which echoes both keys back
        ncp.respond(401, "gateway-error-echoing-keys.json");
        ncp.respond(401, "gateway-error-200.json");
        ncp.respond("action-code3.json");
        ncp.respond(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        List<NcpApiException> failures = new ArrayList<>();

        // WHEN calls fail
        CdssClient cdss = ncp.clients.cdss(NcpRegion.KR);
        failures.add(catchThrowableOfType(NcpApiException.class, () -> cdss.getClusterStatus(1L)));
        failures.add(catchThrowableOfType(NcpApiException.class, () -> cdss.rollingRestart(1L)));
        failures.add(catchThrowableOfType(NcpApiException.class, () -> cdss.rollingRestart(1L)));
        failures.add(catchThrowableOfType(NcpApiException.class, () -> cdss.rollingRestart(1L)));
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            signatures.add(ncp.takeRequest().getHeader(NcpSigner.HEADER_SIGNATURE));
        }

        // THEN no message, toString, NCP message or body holds a key or a signature
        assertThat(failures).doesNotContainNull().allSatisfy(e -> {
            String everything = e.getMessage() + e + e.ncpMessage() + e.rawBody();
            assertThat(everything).doesNotContain(NcpTestServer.SECRET_KEY).doesNotContain(NcpTestServer.ACCESS_KEY);
            signatures.forEach(signature -> assertThat(everything).doesNotContain(signature));
        });
        assertThat(failures.get(0).kind()).isEqualTo(NcpErrorKind.AUTHENTICATION);
        assertThat(failures.get(0).ncpMessage()).contains("access key *** with secret ***");
    }
}

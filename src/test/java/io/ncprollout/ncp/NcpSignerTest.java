package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The five vectors of ncp-api.md §1.3. */
class NcpSignerTest {

    @Test
    void sign_vectorA_matchesPublishedSignature() {
        NcpSigner signer = new NcpSigner("TestAccessKey", "TestSecretKey");

        String signature = signer.sign("GET", "/vserver/v2/getServerInstanceList?responseFormatType=json", 1234567890123L);

        assertThat(signature).isEqualTo("FPsYYX8fuMAgi+cue3eACOW0dNtIwu1LYWfg/megA2M=");
    }

    @ParameterizedTest(name = "{0} {1} @ {2}")
    @CsvSource({
        "POST, /api/v1/cluster/rollingRestartProgressCheck, 1709716893293, w8bR51TX/ITQNrjXGX1KZ7fajfFslrPbsqRyS56Hysk=",
        "GET, /api/v1/cluster/restartCMAKService/1484848, 1593848345548, X2jD/P9chaUTvJInUUYruwy9bIP3LVFHZQlZvihxkXc=",
        "GET, /api/v2/cluster/getClusterInfoList?pageNo=1&pageSize=20, 1709716893293, sTWFAzgA6oB6ZybAmyza5wM0kvw+A8E7I3vxUsMiRUk=",
        "POST, /api/sgn-v2/cluster/getRollingUpgradeProgress, 1709716893293, NXPvPOF1LPXNyq00p9PagswHB9iUFs4+1btjKw2C0zU=",
    })
    void sign_vectorsBtoE_matchComputedSignatures(String method, String uri, long timestamp, String expected) {
        NcpSigner signer = new NcpSigner("EXAMPLEACCESSKEY0001", "EXAMPLESECRETKEY000000000000000000000001");

        assertThat(signer.sign(method, uri, timestamp)).isEqualTo(expected);
    }

    @Test
    void stringToSign_hasTwoLineFeedsAndNoTrailingNewline() {
        String text = NcpSigner.stringToSign("post", "/api/v1/x?a=1", 42L, "AK");

        assertThat(text).isEqualTo("POST /api/v1/x?a=1\n42\nAK");
    }

    @Test
    void toString_neverShowsTheSecret() {
        NcpSigner signer = new NcpSigner("AK", "very-secret");

        assertThat(signer.toString()).doesNotContain("very-secret").contains("AK");
    }

    @Test
    void constructor_blankKey_isRejected() {
        assertThatThrownBy(() -> new NcpSigner("AK", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.ncprollout.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** auth.test against a scripted Slack Web API (MockWebServer). */
class SlackTokenCheckTest {
    private static final String TOKEN = "xoxb-1-2-doctortoken";
    private static final String AUTH_OK = "{\"ok\":true,\"url\":\"https://t.slack.com/\",\"team\":\"Ops\",\"user\":\"rollout\",\"team_id\":\"T1\",\"user_id\":\"U1\"}";
    private final MockWebServer slack = new MockWebServer();

    @BeforeEach
    void setUp() throws Exception {
        slack.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        slack.shutdown();
    }

    @Test
    void run_tokenWithEveryScope_isOkAndSendsTheTokenAsBearer() throws Exception {
        slack.enqueue(json(AUTH_OK).setHeader("x-oauth-scopes", "commands,chat:write,usergroups:read,users:read"));

        CheckResult result = check(Optional.of(TOKEN));

        assertThat(result.status()).as(result.toString()).isEqualTo(CheckResult.Status.OK);
        assertThat(result.detail()).contains("rollout", "Ops").doesNotContain(TOKEN);
        RecordedRequest request = slack.takeRequest();
        assertThat(request.getPath()).isEqualTo("/api/auth.test");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void run_scopeMissing_failsNamingIt() {
        slack.enqueue(json(AUTH_OK).setHeader("x-oauth-scopes", "commands"));

        CheckResult result = check(Optional.of(TOKEN));

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(result.detail()).contains("missing scopes: chat:write");
        assertThat(result.fix()).contains("reinstall");
    }

    @Test
    void run_noScopesHeader_warns() {
        slack.enqueue(json(AUTH_OK));

        assertThat(check(Optional.of(TOKEN)).status()).isEqualTo(CheckResult.Status.WARN);
    }

    @Test
    void run_tokenRefused_failsWithSlacksError() {
        slack.enqueue(json("{\"ok\":false,\"error\":\"invalid_auth\"}"));

        CheckResult result = check(Optional.of(TOKEN));

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(result.detail()).contains("invalid_auth");
    }

    @Test
    void run_http500_fails() {
        slack.enqueue(new MockResponse().setResponseCode(500).setBody("oops"));

        CheckResult result = check(Optional.of(TOKEN));

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(result.detail()).contains("HTTP 500");
    }

    @Test
    void run_noToken_failsWithoutCallingSlack() {
        CheckResult result = check(Optional.empty());

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(slack.getRequestCount()).isZero();
    }

    @Test
    void requiredScopes_areTheBotScopesOfTheManifest() throws Exception {
        JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());
        List<String> declared = new ArrayList<>();
        manifest.at("/oauth_config/scopes/bot").forEach(s -> declared.add(s.asText()));

        assertThat(SlackTokenCheck.REQUIRED_SCOPES).containsExactlyInAnyOrderElementsOf(declared);
    }

    private CheckResult check(Optional<String> token) {
        return new SlackTokenCheck(slack.url("/api/").toString(), token).run();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }
}

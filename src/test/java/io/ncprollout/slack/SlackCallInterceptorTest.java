package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackCallInterceptorTest {
    @Test
    void method_webApiPath_isTheMethodName() {
        assertThat(SlackCallInterceptor.method("/api/chat.postMessage")).isEqualTo("chat.postMessage");
        assertThat(SlackCallInterceptor.method("/custom/prefix/api/views.update")).isEqualTo("views.update");
    }

    @Test
    void method_otherPath_isResponseUrl() {
        assertThat(SlackCallInterceptor.method("/commands/T0/123/abc")).isEqualTo("response_url");
    }

    @Test
    void outcome_okTrue_isOk() {
        assertThat(SlackCallInterceptor.outcome(200, "{\"ok\":true,\"ts\":\"1.2\"}")).isEqualTo(SlackCallListener.OK);
    }

    @Test
    void outcome_okFalse_isSlacksErrorCode() {
        assertThat(SlackCallInterceptor.outcome(200, "{\"ok\": false, \"error\": \"not_in_channel\"}")).isEqualTo("not_in_channel");
        assertThat(SlackCallInterceptor.outcome(200, "{\"ok\":false}")).isEqualTo("unknown_error");
    }

    @Test
    void outcome_429AndOtherStatuses_areNamedByStatus() {
        assertThat(SlackCallInterceptor.outcome(429, "")).isEqualTo("ratelimited");
        assertThat(SlackCallInterceptor.outcome(503, null)).isEqualTo("http_503");
    }
}

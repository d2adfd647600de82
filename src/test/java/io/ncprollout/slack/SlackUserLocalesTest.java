package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.ncprollout.shell.FakeSlackWebApi;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackUserLocalesTest {
    private final AtomicLong nanos = new AtomicLong();
    private FakeSlackWebApi slack;
    private SlackUserLocales locales;

    @BeforeEach
    void setUp() throws Exception {
        slack = FakeSlackWebApi.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        locales = new SlackUserLocales(Slack.getInstance(config).methods("xoxb-test"), Duration.ofMinutes(30), nanos::get);
    }

    @AfterEach
    void tearDown() throws Exception {
        slack.close();
    }

    @Test
    void fromSlack_slackLocaleTags_mapToKoreanOrEnglish() {
        assertThat(SlackUserLocales.fromSlack("ko-KR")).isEqualTo(Locale.KOREAN);
        assertThat(SlackUserLocales.fromSlack("ko_KR")).isEqualTo(Locale.KOREAN);
        assertThat(SlackUserLocales.fromSlack("en-US")).isEqualTo(Locale.ENGLISH);
        assertThat(SlackUserLocales.fromSlack("fr-FR")).isEqualTo(Locale.ENGLISH);
        assertThat(SlackUserLocales.fromSlack("")).isEqualTo(Locale.ENGLISH);
        assertThat(SlackUserLocales.fromSlack(null)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void of_koreanUser_asksUsersInfoWithLocaleOnceThenUsesTheCache() {
        // GIVEN a Korean user
        slack.locale("U0KO", "ko-KR");

        // WHEN the bot asks twice
        Locale first = locales.of("U0KO");
        Locale second = locales.of("U0KO");

        // THEN one users.info call, with include_locale, and Korean both times
        assertThat(first).isEqualTo(Locale.KOREAN);
        assertThat(second).isEqualTo(Locale.KOREAN);
        assertThat(slack.calls("users.info")).singleElement().satisfies(c -> {
            assertThat(c.param("user")).isEqualTo("U0KO");
            assertThat(c.param("include_locale")).isEqualTo("1");
        });
        assertThat(locales.stats().hitCount()).isEqualTo(1);
    }

    @Test
    void of_frenchUser_isEnglish() {
        slack.locale("U0FR", "fr-FR");

        assertThat(locales.of("U0FR")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void of_cacheExpired_asksSlackAgain() {
        slack.locale("U0KO", "ko-KR");
        locales.of("U0KO");

        // WHEN the user switches to English and the cache period passes
        slack.locale("U0KO", "en-US");
        nanos.addAndGet(Duration.ofMinutes(31).toNanos());

        assertThat(locales.of("U0KO")).isEqualTo(Locale.ENGLISH);
        assertThat(slack.calls("users.info")).hasSize(2);
    }

    @Test
    void of_slackFails_isEnglishForAMinute_thenAsksAgain() {
        // GIVEN a Korean user whose first lookup is refused
        slack.locale("U0KO", "ko-KR");
        slack.rateLimit("users.info", 1);

        // WHEN the bot writes several messages at once, then again a minute later
        Locale failed = locales.of("U0KO");
        Locale soonAfter = locales.of("U0KO");
        nanos.addAndGet(SlackUserLocales.RETRY_FAILED_AFTER.toNanos());
        Locale retried = locales.of("U0KO");

        // THEN English without asking again at once (no extra call per message), Korean once Slack answers
        assertThat(failed).isEqualTo(Locale.ENGLISH);
        assertThat(soonAfter).isEqualTo(Locale.ENGLISH);
        assertThat(retried).isEqualTo(Locale.KOREAN);
        assertThat(slack.calls("users.info")).hasSize(2);
    }

    @Test
    void ifKnown_neverCallsSlack() {
        slack.locale("U0KO", "ko-KR");

        assertThat(locales.ifKnown("U0KO")).isEqualTo(Locale.ENGLISH);
        assertThat(slack.calls("users.info")).isEmpty();

        locales.of("U0KO");
        assertThat(locales.ifKnown("U0KO")).isEqualTo(Locale.KOREAN);
    }
}

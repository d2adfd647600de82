package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.shell.FakeSlackWebApi;
import io.ncprollout.testing.BotHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader's language end to end: a user whose Slack locale is ko-KR and an en-US user in the same workspace
 * each see the modal and their operation's thread in their own language; an unknown locale reads English.
 */
class KoreanLocaleFlowIT {
    private BotHarness bot;

    @BeforeEach
    void setUp() throws Exception {
        bot = BotHarness.start();
        bot.slack.locale("U0KO", "ko-KR");
        bot.slack.locale("U0FR", "fr-FR");
    }

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
    }

    @Test
    void restart_koreanUser_seesKoreanModalAndKoreanThread() throws Exception {
        // WHEN a Korean user runs the restart
        bot.command("/kafka", "restart demo-kafka", "U0KO", "C1");
        bot.runWork();

        // THEN the modal is Korean, NCP's cluster facts untouched
        String modal = bot.lastView().toString();
        assertThat(modal).contains("재시작 확인", "재시작 실행", "사전 점검 통과", "브로커", "demo-kafka", "데이터 손실");
        assertThat(modal).doesNotContain("Confirm restart", "Precheck passed");
        assertThat(bot.slack.calls("users.info")).anySatisfy(c -> assertThat(c.param("include_locale")).isEqualTo("1"));

        // WHEN they confirm and the roll runs to the end
        bot.submitConfirmation("demo-kafka", "월간 패치", "U0KO");
        bot.runWork();
        assertThat(bot.lastView().toString()).contains("시작됨").contains("스레드에서 확인하세요");
        bot.poll(20);

        // THEN the parent, the progress reply and the final summary are Korean, the reason verbatim
        List<FakeSlackWebApi.Call> posts = bot.slack.calls("chat.postMessage");
        assertThat(posts.get(0).param("text")).contains("님이 시작한 demo-kafka 롤링 재시작");
        assertThat(posts.get(0).param("blocks")).contains("*사유:* 월간 패치");
        assertThat(posts.get(1).param("blocks")).contains("클러스터 상태");
        assertThat(posts).anySatisfy(p -> {
            assertThat(p.param("reply_broadcast")).isEqualTo("1");
            assertThat(p.param("text")).contains("후 완료");
        });
        assertThat(bot.slack.calls("chat.update")).allSatisfy(c -> assertThat(c.param("text")).doesNotContain("Rolling restart"));
    }

    @Test
    void restart_englishUserInTheSameWorkspace_seesEnglish() throws Exception {
        // GIVEN a Korean user has used the bot
        bot.command("/kafka", "status demo-kafka", "U0KO", "C1");
        bot.runWork();

        // WHEN an en-US user runs the restart
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();

        // THEN the Korean user's answer was Korean and this modal is English
        assertThat(bot.slack.calls("response_url").get(0).param("json")).contains("클러스터 1");
        assertThat(bot.lastView().toString()).contains("Confirm restart", "Precheck passed").doesNotContain("재시작");

        bot.submitConfirmation("demo-kafka", "monthly patch", "U1");
        bot.runWork();
        assertThat(bot.slack.calls("chat.postMessage").get(0).param("text")).contains("Rolling restart of demo-kafka started by");
    }

    @Test
    void restart_unknownLocale_fallsBackOnEnglish() throws Exception {
        bot.command("/kafka", "restart demo-kafka", "U0FR", "C1");
        bot.runWork();

        assertThat(bot.lastView().toString()).contains("Confirm restart", "Start restart");
    }
}

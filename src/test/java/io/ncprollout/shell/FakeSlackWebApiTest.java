package io.ncprollout.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewTitle;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one fake Slack, through the Slack SDK's own client: every method the bot calls, and the refusals a test sets. */
class FakeSlackWebApiTest {
    private final FakeSlackWebApi slack = FakeSlackWebApi.start();

    @AfterEach
    void stop() {
        slack.close();
    }

    private MethodsClient client(String token) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        return Slack.getInstance(config).methods(token);
    }

    @Test
    void answersEveryMethodTheBotCalls() throws Exception {
        MethodsClient bot = client("xoxb-any");

        assertThat(bot.authTest(r -> r).getUrl()).isEqualTo("https://test.slack.com/");
        assertThat(bot.usersInfo(r -> r.user("U1")).getUser().getLocale()).isEqualTo("en-US");
        ChatPostMessageResponse parent = bot.chatPostMessage(r -> r.channel("C1").text("parent"));
        assertThat(parent.isOk()).isTrue();
        assertThat(bot.chatPostMessage(r -> r.channel("C1").threadTs(parent.getTs()).text("reply")).isOk()).isTrue();
        assertThat(bot.chatUpdate(r -> r.channel("C1").ts(parent.getTs()).text("edited")).isOk()).isTrue();
        assertThat(bot.chatPostEphemeral(r -> r.channel("C1").user("U1").text("only you")).isOk()).isTrue();
        ViewsOpenResponse opened = bot.viewsOpen(r -> r.triggerId("1.2.3").view(view("first")));
        assertThat(opened.isOk()).isTrue();
        assertThat(bot.viewsUpdate(r -> r.viewId(opened.getView().getId()).hash(opened.getView().getHash()).view(view("second"))).isOk()).isTrue();
        assertThat(bot.viewsPublish(r -> r.userId("U1").view(View.builder().type("home").blocks(List.of()).build())).isOk()).isTrue();

        assertThat(slack.methods()).containsExactly("chat.postMessage", "chat.postMessage", "chat.update", "chat.postEphemeral", "views.open",
                "views.update", "views.publish");
        assertThat(slack.calls("chat.postMessage").get(1).param("thread_ts")).isEqualTo(parent.getTs());
    }

    @Test
    void answersLikeSlack_whenAskedForWhatIsNotThere() throws Exception {
        MethodsClient bot = client("xoxb-any");

        assertThat(bot.chatUpdate(r -> r.channel("C1").ts("1.000001").text("x")).getError()).isEqualTo("message_not_found");
        assertThat(bot.viewsUpdate(r -> r.viewId("V404").view(view("x"))).getError()).isEqualTo("not_found");
        ViewsOpenResponse opened = bot.viewsOpen(r -> r.triggerId("1.2.3").view(view("first")));
        assertThat(bot.viewsUpdate(r -> r.viewId(opened.getView().getId()).hash("stale").view(view("x"))).getError()).isEqualTo("hash_conflict");
    }

    @Test
    void refusesWhatATestSets_aChannelWithoutTheBot_aRateLimit_andSaysAUsersLanguage() throws Exception {
        MethodsClient bot = client("xoxb-any");
        slack.botNotIn("C0GONE");
        slack.rateLimit("chat.update", 1);
        slack.locale("U0KIM", "ko-KR");

        assertThat(bot.chatPostMessage(r -> r.channel("C0GONE").text("x")).getError()).isEqualTo("not_in_channel");
        String ts = bot.chatPostMessage(r -> r.channel("C1").text("x")).getTs();
        SlackApiException limited = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> bot.chatUpdate(r -> r.channel("C1").ts(ts).text("y")), SlackApiException.class);
        assertThat(limited.getResponse().code()).isEqualTo(429);
        assertThat(limited.getResponse().header("Retry-After")).isEqualTo("1");
        assertThat(bot.chatUpdate(r -> r.channel("C1").ts(ts).text("y")).isOk()).isTrue();
        assertThat(bot.usersInfo(r -> r.user("U0KIM")).getUser().getLocale()).isEqualTo("ko-KR");
    }

    @Test
    void theShellsSlack_takesOnlyTheBotToken_andKnowsOneChannel() throws Exception {
        try (FakeSlackWebApi shell = FakeSlackWebApi.start(new FakeSlackWorkspace(Transcript.silent()), "xoxb-shell")) {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(shell.apiUrl());
            config.setStatsEnabled(false);
            Slack sdk = Slack.getInstance(config);

            assertThat(sdk.methods("xoxb-other").authTest(r -> r).getError()).isEqualTo("invalid_auth");
            assertThat(sdk.methods("xoxb-shell").usersInfo(r -> r.user(FakeSlackWorkspace.USER)).getUser().getLocale()).isEqualTo("en-US");
            assertThat(sdk.methods("xoxb-shell").chatPostMessage(r -> r.channel("C0ELSEWHERE").text("x")).getError()).isEqualTo("channel_not_found");
            assertThat(sdk.methods("xoxb-shell").chatPostMessage(r -> r.channel(FakeSlackWorkspace.CHANNEL).text("x")).isOk()).isTrue();
        }
    }

    private static View view(String title) {
        return View.builder().type("modal").title(ViewTitle.builder().type("plain_text").text(title).build()).blocks(List.of()).build();
    }
}

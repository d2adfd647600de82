package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.cluster.NodeRole;
import io.ncprollout.rollout.tracking.EndingReason;
import io.ncprollout.rollout.tracking.StartPhase;
import io.ncprollout.testing.Reasons;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every ending reason in both languages; the English is the sentence the domain used to build, word for word. */
class EndingsTest {
    private static final Texts EN = Texts.of(Locale.ENGLISH);
    private static final Texts KO = Texts.of(Locale.KOREAN);

    @Test
    void of_english_isTheSentenceOfBefore() {
        assertThat(Endings.of(EN, new EndingReason.NodeFailed("b-2", NodeRole.BROKER, "red"))).isEqualTo("b-2 (broker) reported red");
        assertThat(Endings.of(EN, new EndingReason.ClusterFailed("error"))).isEqualTo("the cluster status is error");
        assertThat(Endings.of(EN, new EndingReason.Stalled(Duration.ofHours(1))))
                .isEqualTo("nothing changed for 1h 00m; stopped watching (the operation may still be running at NCP)");
        assertThat(Endings.of(EN, new EndingReason.NeverChanged(Duration.ofMinutes(30))))
                .isEqualTo("the cluster never changed in 30m 00s after NCP accepted the start; success is not confirmed");
        assertThat(Endings.of(EN, new EndingReason.AnswerLost(Duration.ofSeconds(305)))).isEqualTo("NCP's answer to the start was lost and"
                + " the cluster showed no sign of it in 5m 05s; it was not sent again. Check the cluster, then start it again if needed");
        assertThat(Endings.of(EN, new EndingReason.NotStarted(StartPhase.SENDING))).isEqualTo("the bot restarted while starting it,"
                + " before sending the start to NCP. Nothing was sent; run the command again to start it");
        assertThat(Endings.of(EN, new EndingReason.StartNotSent("timed out"))).isEqualTo("the start could not be sent: timed out Nothing was started.");
    }

    @Test
    void of_userAndNcpText_isEscaped_andTheAdminMentioned() {
        assertThat(Endings.of(EN, new EndingReason.Abandoned("U0ADMIN", "done in the <console>"))).isEqualTo("<@U0ADMIN> told the bot to stop"
                + " tracking it (done in the &lt;console&gt;); NCP may still be running it, so check the cluster before starting anything");
        assertThat(Endings.of(EN, new EndingReason.StartRefused("not ready & busy"))).isEqualTo("NCP refused the start: not ready &amp; busy");
    }

    @Test
    void of_sentenceOfAnOlderVersion_isShownAsItWasWritten() {
        EndingReason old = new EndingReason.Text("nothing changed for 1h 00m; stopped watching <maybe>");

        assertThat(Endings.of(EN, old)).isEqualTo("nothing changed for 1h 00m; stopped watching &lt;maybe&gt;");
        assertThat(Endings.of(KO, old)).isEqualTo(Endings.of(EN, old));
    }

    @Test
    void of_korean_wordsEveryTypedReasonInKorean() {
        for (EndingReason reason : Reasons.endings()) {
            if (reason instanceof EndingReason.Text) {
                continue;
            }
            String korean = Endings.of(KO, reason);

            assertThat(korean).as("%s", reason).isNotBlank().isNotEqualTo(Endings.of(EN, reason)).containsPattern("[가-힣]");
        }
        assertThat(Endings.of(KO, new EndingReason.Stalled(Duration.ofHours(1)))).startsWith("1시간 00분 동안 변화가 없어");
    }

    @Test
    void auditWording_isPlainEnglish_keepingMentionsAndUserText() {
        BundleAuditWording wording = new BundleAuditWording();

        assertThat(wording.ending(new EndingReason.Abandoned("U0ADMIN", "done in the <console>")))
                .startsWith("<@U0ADMIN> told the bot to stop tracking it (done in the <console>)");
        assertThat(wording.ending(new EndingReason.Completed())).isEqualTo("completed");
    }
}

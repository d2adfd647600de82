package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.ncprollout.rollout.cluster.ClusterRef;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.testing.Observations;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CmakMessagesTest {

    @Test
    void confirm_runningCmak_matchesGoldenWithDangerButtonAndDialog() {
        SlackMessage message = triggerConfirm(Rollouts.KAFKA, current(), false);

        JsonObject button = button(message);
        assertThat(message.text()).isEqualTo("Restart CMAK of demo-kafka?");
        assertThat(button.get("action_id").getAsString()).isEqualTo("cmak-restart-confirm");
        assertThat(button.get("style").getAsString()).isEqualTo("danger");
        assertThat(button.get("value").getAsString()).isEqualTo("kafka|KR|1234567|demo-kafka");
        JsonObject dialog = button.getAsJsonObject("confirm");
        assertThat(dialog.getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("Restart CMAK of demo-kafka? The Kafka brokers are not restarted; CMAK is unavailable until it is back.");
        assertThat(dialog.getAsJsonObject("confirm").get("text").getAsString()).isEqualTo("Restart CMAK");
        assertThat(dialog.getAsJsonObject("deny").get("text").getAsString()).isEqualTo("Cancel");
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("*CMAK:* :large_green_circle: green");
        Golden.assertMatches("cmak-restart-confirm", message.blocks());
    }

    @Test
    void confirm_noCmakNode_saysNcpReportedNone() {
        SlackMessage message = triggerConfirm(Rollouts.KAFKA, Observations.cluster("running").broker("b-1", "green").build(), true);

        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("NCP reported no CMAK status").contains("Simulated cluster");
    }

    @Test
    void confirm_hostileAndLongName_isEscapedInTextAndCutInTheDialog() {
        ClusterRef hostile = new ClusterRef(Product.KAFKA, "42", "<!channel>|" + "x".repeat(400), "KR");

        SlackMessage message = triggerConfirm(hostile, current(), false);

        assertThat(UpgradeViewsTest.mrkdwn(BlockKitLimits.json(message.blocks()))).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
        assertThat(message.text()).doesNotContain("<!channel>");
        assertThat(CmakMessages.parseButtonValue(button(message).get("value").getAsString())).contains(hostile);
    }

    @Test
    void confirm_openSearchCluster_isRefused() {
        assertThatThrownBy(() -> CmakMessages.confirm(Rollouts.OPENSEARCH, current(), false, Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseButtonValue_ownValue_roundTrips() {
        ClusterRef withPipe = new ClusterRef(Product.KAFKA, "1234567", "odd|name", "SGN");

        assertThat(CmakMessages.parseButtonValue(CmakMessages.buttonValue(Rollouts.KAFKA))).contains(Rollouts.KAFKA);
        assertThat(CmakMessages.parseButtonValue(CmakMessages.buttonValue(withPipe))).contains(withPipe);
    }

    @Test
    void buttonValue_hugeName_staysWithinSlacksLimit() {
        ClusterRef huge = new ClusterRef(Product.KAFKA, "1", "n".repeat(5000), "KR");

        String value = CmakMessages.buttonValue(huge);

        assertThat(value).hasSize(2000);
        assertThat(CmakMessages.parseButtonValue(value)).map(ClusterRef::number).contains("1");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "kafka", "kafka|KR|1", "kafka||1|n", "kafka|KR||n", "kafka|KR|1|", "redis|KR|1|n", "KAFKA|KR|1|n", "|||"})
    void parseButtonValue_garbage_isEmpty(String value) {
        assertThat(CmakMessages.parseButtonValue(value)).isEqualTo(Optional.empty());
    }

    @Test
    void parseButtonValue_overLimit_isEmpty() {
        assertThat(CmakMessages.parseButtonValue("kafka|KR|1|" + "n".repeat(2000))).isEmpty();
    }

    private static Observation current() {
        return Observations.cluster("running").broker("demo-kafka-b-1", "green").zookeeper("demo-kafka-zk-1", "green").cmak("green").build();
    }

    private static JsonObject button(SlackMessage message) {
        var blocks = BlockKitLimits.json(message.blocks()).getAsJsonArray();
        for (var block : blocks) {
            if (block.getAsJsonObject().get("type").getAsString().equals("actions")) {
                return block.getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject();
            }
        }
        throw new AssertionError("no actions block");
    }

    private static SlackMessage triggerConfirm(ClusterRef cluster, Observation current, boolean simulated) {
        SlackMessage message = CmakMessages.confirm(cluster, current, simulated, Locale.ENGLISH);
        BlockKitLimits.assertWithinLimits(message);
        return message;
    }
}

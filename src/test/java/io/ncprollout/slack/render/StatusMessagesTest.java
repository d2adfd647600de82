package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.testing.Observations;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StatusMessagesTest {

    @Test
    void status_kafkaCluster_listsNodesByRoleWithStatus() {
        SlackMessage message = StatusMessages.status(Rollouts.KAFKA, Observations.cluster("running").broker("b-1", "green")
                .broker("b-2", "purple").zookeeper("zk-1", "green").cmak("green").build(), false, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(message.text()).isEqualTo("demo-kafka: running, 4 nodes");
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("*Brokers* (2)")
                .contains(":large_green_circle: b-1 · green").contains(":grey_question: b-2 · purple")
                .contains("*ZooKeeper nodes* (1)").contains("status running").doesNotContain("Simulated");
    }

    @Test
    void status_membersIncomplete_warns() {
        SlackMessage message = StatusMessages.status(Rollouts.KAFKA, Observations.cluster("changing").broker("b-1", "orange").membersMissing().build(), true, Locale.ENGLISH);

        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("fewer running members").contains("Simulated cluster");
    }

    @Test
    void status_150Nodes_countsPerRoleWithinLimits() {
        Observations seen = Observations.cluster("running");
        for (int i = 1; i <= 150; i++) {
            seen.broker("broker-" + i, i % 50 == 0 ? "orange" : "green");
        }

        SlackMessage message = StatusMessages.status(Rollouts.KAFKA, seen.build(), false, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("*Brokers* (150): 147 green · 3 orange");
    }

    @Test
    void help_kafka_listsEveryKafkaCommand() {
        SlackMessage message = StatusMessages.help("/kafka", false, false, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("/kafka list").contains("/kafka status &lt;cluster&gt;")
                .contains("/kafka restart &lt;cluster&gt;").contains("/kafka upgrade &lt;cluster&gt; [version]")
                .contains("/kafka restart-cmak").contains("/kafka help").contains("--region kr|sgn|jpn|krs")
                .doesNotContain("read-only");
    }

    @Test
    void help_openSearchReadOnly_listsItsCommandsAndSaysReadOnly() {
        SlackMessage message = StatusMessages.help("opensearch", true, true, Locale.ENGLISH);

        BlockKitLimits.assertWithinLimits(message);
        assertThat(BlockKitLimits.json(message.blocks()).toString()).contains("/opensearch upgrade").doesNotContain("restart")
                .contains("Only read-only commands are allowed").contains("Simulated cluster");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(io.ncprollout.rollout.cluster.Product.class)
    void help_listsEveryCommandTheParserAccepts(io.ncprollout.rollout.cluster.Product product) {
        String help = BlockKitLimits.json(StatusMessages.help(product.command(), false, false, Locale.ENGLISH).blocks()).toString();

        for (io.ncprollout.slack.Commands.Command command : io.ncprollout.slack.Commands.of(product)) {
            assertThat(help).contains("/" + product.command() + " " + command.word());
            String sample = switch (command.shape()) {
                case NONE, OPTIONAL_CLUSTER, SCHEDULE -> command.word();
                case CLUSTER, CLUSTER_VERSION -> command.word() + " demo";
                case CLUSTER_REASON -> command.word() + " demo a reason";
            };
            assertThat(io.ncprollout.slack.command.CommandParser.parse("/" + product.command(), sample).action()).isEqualTo(command.word());
        }
        assertThat(help).contains("history [cluster]", "(admins)", "freeze &lt;cluster|all&gt; &lt;reason&gt;", "abandon &lt;cluster&gt; &lt;reason&gt;");
    }

    @Test
    void help_openSearch_givesOpenSearchExamples() {
        String help = BlockKitLimits.json(StatusMessages.help("/opensearch", false, false, Locale.ENGLISH).blocks()).toString();

        assertThat(help).contains("2.18.0", "/opensearch upgrade demo-search").doesNotContain("3903006");
    }

    @Test
    void status_knownVersionCode_isShownByName() {
        io.ncprollout.rollout.operation.VersionNames names = io.ncprollout.rollout.operation.VersionNames.none();
        names.learn(new io.ncprollout.rollout.operation.VersionChoice("2150", "OpenSearch 2.15.0"));

        String named = BlockKitLimits.json(StatusMessages.status(Rollouts.OPENSEARCH, Observations.cluster("running").version("2150").build(),
                false, names, Locale.ENGLISH).blocks()).toString();
        String unnamed = BlockKitLimits.json(StatusMessages.status(Rollouts.OPENSEARCH, Observations.cluster("running").version("2190").build(),
                false, names, Locale.ENGLISH).blocks()).toString();

        assertThat(named).contains("status running · OpenSearch 2.15.0").doesNotContain("2150");
        assertThat(unnamed).contains("version 2190");
    }

    @Test
    void help_unknownCommand_isRefused() {
        assertThatThrownBy(() -> StatusMessages.help("/search", false, false, Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.ncprollout.slack.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ncprollout.rollout.cluster.Product;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {

    @Test
    void parse_restartWithRegion_givesClusterAndRegion() {
        CommandLine line = CommandParser.parse("/kafka", "restart orders-prod --region sgn");

        assertThat(line.product()).isEqualTo(Product.KAFKA);
        assertThat(line.action()).isEqualTo("restart");
        assertThat(line.cluster()).contains("orders-prod");
        assertThat(line.region()).contains("SGN");
        assertThat(line.version()).isEmpty();
    }

    @Test
    void parse_upgradeWithVersion_keepsTheVersionAsTyped() {
        CommandLine line = CommandParser.parse("/opensearch", "upgrade --region=kr demo-search 2.18.0");

        assertThat(line.product()).isEqualTo(Product.OPENSEARCH);
        assertThat(line.version()).contains("2.18.0");
        assertThat(line.region()).contains("KR");
    }

    @Test
    void parse_emptyText_isHelp() {
        assertThat(CommandParser.parse("/kafka", "  ").action()).isEqualTo("help");
    }

    @Test
    void parse_actionInCapitals_isAccepted() {
        assertThat(CommandParser.parse("/kafka", "STATUS 1234567").action()).isEqualTo("status");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/kafka|reboot orders|`/kafka reboot` is not a command. Try `/kafka help`.",
        "/kafka|restat demo-kafka|`/kafka restat` is not a command. Did you mean `/kafka restart`? Try `/kafka help`.",
        "/opensearch|stauts demo-search|Did you mean `/opensearch status`?",
        "/opensearch|restart-cmak x|`/opensearch restart-cmak` is not a command.",
        "/kafka|restart|Name the cluster: `/kafka restart <cluster>`",
        "/kafka|restart a b|Unexpected `b`. Usage: `/kafka restart <cluster>`",
        "/kafka|upgrade a 3.9.0 extra|Unexpected `extra`.",
        "/kafka|upgrade a latest|`latest` is not a version",
        "/kafka|status <script>|`<script>` is not a cluster name or number.",
        "/kafka|list orders|takes no cluster; unexpected `orders`.",
        "/kafka|list --region mars|`--region mars` is not a region: use kr, sgn, jpn or krs.",
        "/kafka|list --region|`--region ` is not a region",
        "/kafka|list --force|Unknown option `--force`",
        "/search|list|Unknown command `/search`: use /kafka or /opensearch.",
        "/kafka|restart orders-* --wave 0|`--wave 0` is not a wave size: give how many clusters run at once, 1 to 10.",
        "/kafka|restart orders-* --wave 11|`--wave 11` is not a wave size",
        "/kafka|restart orders-* --wave|`--wave ` is not a wave size",
        "/kafka|restart orders-* --pause soon|`--pause soon` is not a pause",
        "/kafka|restart orders-* --pause 7h|`--pause 7h` is not a pause",
        "/kafka|status orders-*|`orders-*` is not a cluster name or number.",
        "/kafka|list --all|`--all`, `--wave` and `--pause` choose a fleet: they go with `/kafka restart` and the upgrades, not with `list`.",
        "/kafka|restart-cmak demo --wave 2|not with `restart-cmak`",
        "/kafka|restart orders-<x>|`orders-<x>` is not a cluster name or number.",
        "/kafka|restart orders-* --config-group g1|`--config-group` names the Kafka config group of a fleet upgrade",
        "/opensearch|upgrade search-* 2.18.0 --config-group g1|not of `/opensearch upgrade`",
        "/kafka|upgrade orders-* 3.9.0 --config-group <g>|`--config-group <g>` is not a config group name.",
    })
    void parse_mistakes_sayWhatToTypeInstead(String command, String text, String message) {
        assertThatThrownBy(() -> CommandParser.parse(command, text))
                .isInstanceOf(UsageException.class).hasMessageContaining(message);
    }

    @Test
    void parse_hugeText_isRefusedWithoutEchoingIt() {
        String text = "restart " + "x".repeat(5000);

        assertThatThrownBy(() -> CommandParser.parse("/kafka", text))
                .hasMessageStartingWith("That command is too long (5008 characters).")
                .message().hasSizeLessThan(200);
    }

    @Test
    void parse_longGarbageCluster_isClippedInTheMessage() {
        assertThatThrownBy(() -> CommandParser.parse("/kafka", "status " + "é".repeat(100)))
                .message().hasSizeLessThan(150);
    }

    @Test
    void parse_mistake_isWordedInTheUsersLanguage() {
        UsageException e = catchThrowableOfType(() -> CommandParser.parse("/kafka", "restat demo-kafka"), UsageException.class);

        assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.getMessage())
                .isEqualTo("`/kafka restat` is not a command. Did you mean `/kafka restart`? Try `/kafka help`.");
        assertThat(e.message(Locale.KOREAN))
                .isEqualTo("`/kafka restat`은(는) 없는 명령입니다. `/kafka restart`을(를) 입력하려고 하셨나요? `/kafka help`로 사용법을 확인하세요.");
    }

    @Test
    void parse_fleet_patternListAllAndPace() {
        CommandLine glob = CommandParser.parse("/kafka", "restart orders-* --wave 2 --pause 5m");
        assertThat(glob.cluster()).contains("orders-*");
        assertThat(glob.wave()).contains(2);
        assertThat(glob.pause()).contains(java.time.Duration.ofMinutes(5));
        assertThat(glob.fleetOptions()).isTrue();

        assertThat(CommandParser.parse("/kafka", "restart a,b,c").cluster()).contains("a,b,c");
        assertThat(CommandParser.parse("/kafka", "restart --all --pause=90s").cluster()).contains("--all");
        CommandLine upgrade = CommandParser.parse("/opensearch", "upgrade search-* 2.18.0 --wave=3");
        assertThat(upgrade.cluster()).contains("search-*");
        assertThat(upgrade.version()).contains("2.18.0");
        assertThat(upgrade.wave()).contains(3);
        assertThat(CommandParser.parse("/kafka", "restart orders-prod").fleetOptions()).isFalse();
        assertThat(CommandParser.parse("/kafka", "upgrade orders-* 3.9.0 --config-group kafka390-default").configGroup()).contains("kafka390-default");
    }
}

package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.View;
import io.ncprollout.rollout.operation.ConfigGroupChoice;
import io.ncprollout.rollout.operation.Observation;
import io.ncprollout.rollout.operation.Precheck;
import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import io.ncprollout.slack.SlackIds;
import io.ncprollout.testing.Observations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UpgradeViewsTest {
    private static final String METADATA = "{\"cluster\":\"1234567\",\"channel\":\"C1\"}";
    private static final VersionChoice KAFKA_371 = new VersionChoice("3713006", "Kafka 3.7.1, CMAK 3.0.0.6");
    private static final VersionChoice KAFKA_390 = new VersionChoice("3903006", "Kafka 3.9.0, CMAK 3.0.0.6");
    private static final VersionChoice KAFKA_360 = new VersionChoice("3603006", "Kafka 3.6.0, CMAK 3.0.0.6");
    private static final UpgradeOptions KAFKA_OPTIONS = new UpgradeOptions(KAFKA_360, List.of(KAFKA_371, KAFKA_390));
    private static final ConfigGroupChoice DEFAULT_390 = new ConfigGroupChoice("301", "default-390", "defaults");
    private static final ConfigGroupChoice TUNED_390 = new ConfigGroupChoice("302", "tuned-390", "");
    private static final VersionChoice OS_2150 = new VersionChoice("2150", "OpenSearch 2.15.0");
    private static final VersionChoice OS_2180 = new VersionChoice("2180", "OpenSearch 2.18.0");

    private final UpgradeViews views = new UpgradeViews(false);

    @Test
    void kafkaUpgrade_precheckPassed_matchesGoldenWithSelectsInputsAndStart() {
        View view = triggerKafka(kafkaForm(Optional.of(KAFKA_390), Optional.of(DEFAULT_390), Optional.of(new Precheck(true, "SUCCESS"))));

        JsonObject json = BlockKitLimits.json(view).getAsJsonObject();
        assertThat(view.getCallbackId()).isEqualTo("kafka-upgrade-confirm");
        assertThat(view.getSubmit().getText()).isEqualTo("Start upgrade");
        assertThat(inputBlockIds(json)).containsExactly(SlackIds.BlockIds.TARGET_VERSION, SlackIds.BlockIds.CONFIG_GROUP,
                SlackIds.BlockIds.CONFIRM_NAME, SlackIds.BlockIds.REASON);
        assertThat(json.toString()).contains("Current version: Kafka 3.6.0, CMAK 3.0.0.6")
                .contains("Select the config group that matches the version.")
                .contains("If topics are being replicated, the upgrade can proceed only after replication completes.")
                .contains("The upgrade may cause data loss or intermittent interruptions.")
                .contains(":white_check_mark: *Precheck passed* (NCP: SUCCESS)");
        Golden.assertMatches("upgrade-kafka-precheck-passed", view);
    }

    @Test
    void kafkaUpgrade_selects_dispatchActionsAndPreselectTheChoice() {
        JsonObject json = json(triggerKafka(kafkaForm(Optional.of(KAFKA_390), Optional.of(DEFAULT_390), Optional.empty())));

        JsonObject version = block(json, SlackIds.BlockIds.TARGET_VERSION);
        assertThat(version.get("dispatch_action").getAsBoolean()).isTrue();
        JsonObject select = version.getAsJsonObject("element");
        assertThat(select.get("type").getAsString()).isEqualTo("static_select");
        assertThat(select.get("action_id").getAsString()).isEqualTo(SlackIds.ActionIds.TARGET_VERSION_SELECT);
        assertThat(values(select)).containsExactly("3713006", "3903006");
        assertThat(select.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("3903006");
        JsonObject group = block(json, SlackIds.BlockIds.CONFIG_GROUP);
        assertThat(group.get("dispatch_action").getAsBoolean()).isTrue();
        JsonObject groupSelect = group.getAsJsonObject("element");
        assertThat(groupSelect.get("action_id").getAsString()).isEqualTo(SlackIds.ActionIds.CONFIG_GROUP_SELECT);
        assertThat(groupSelect.toString()).contains("\"text\":\"default-390 (#301)\"").contains("\"text\":\"tuned-390 (#302)\"");
        assertThat(groupSelect.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("301");
    }

    @Test
    void kafkaUpgrade_nothingChosen_asksForAVersionAndOffersRunPrecheckWithoutNameOrReason() {
        View view = triggerKafka(new UpgradeForm(Rollouts.KAFKA, kafkaNodes(), KAFKA_OPTIONS, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), METADATA));

        JsonObject json = json(view);
        assertThat(view.getSubmit().getText()).isEqualTo("Run precheck");
        assertThat(inputBlockIds(json)).containsExactly(SlackIds.BlockIds.TARGET_VERSION);
        assertThat(block(json, SlackIds.BlockIds.TARGET_VERSION).getAsJsonObject("element").has("initial_option")).isFalse();
        assertThat(json.toString()).contains("Choose a version first")
                .contains("Precheck runs when a version and a config group are chosen.");
    }

    @Test
    void kafkaUpgrade_versionWithoutGroups_saysSoWithoutAnEmptySelect() {
        View view = triggerKafka(new UpgradeForm(Rollouts.KAFKA, kafkaNodes(), KAFKA_OPTIONS, Optional.of(KAFKA_390), List.of(),
                Optional.empty(), Optional.empty(), METADATA));

        assertThat(inputBlockIds(json(view))).containsExactly(SlackIds.BlockIds.TARGET_VERSION);
        assertThat(json(view).toString()).contains("NCP lists no config group for Kafka 3.9.0, CMAK 3.0.0.6");
    }

    @Test
    void kafkaUpgrade_precheckFailed_showsTheChoicesAsTextWithoutInputsOrSubmit() {
        View view = triggerKafka(kafkaForm(Optional.of(KAFKA_390), Optional.of(DEFAULT_390),
                Optional.of(new Precheck(false, "Topic <orders> is being replicated & busy"))));

        JsonObject json = json(view);
        assertThat(view.getSubmit()).isNull();
        assertThat(view.getClose().getText()).isEqualTo("Close");
        assertThat(inputBlockIds(json)).isEmpty();
        assertThat(json.toString()).contains("*Target version:* Kafka 3.9.0", "*Config group:* default-390 (#301)",
                "to choose another version, run `/kafka upgrade demo-kafka &lt;version&gt;`");
        String precheck = block(json, SlackIds.BlockIds.PRECHECK).getAsJsonObject("text").get("text").getAsString();
        assertThat(precheck).startsWith(":x: *Precheck failed.* NCP says:\n>Topic &lt;orders&gt; is being replicated &amp; busy")
                .doesNotContain("snapshot");
    }

    @Test
    void upgrade_precheckFailed_withNothingElseToChoose_hasNoInputsAndNoSubmit() {
        View view = triggerOpenSearch(new UpgradeForm(Rollouts.OPENSEARCH, searchNodes(), new UpgradeOptions(OS_2150, List.of(OS_2180)),
                Optional.of(OS_2180), List.of(), Optional.empty(), Optional.of(new Precheck(false, "cluster is busy")), METADATA));

        JsonObject json = json(view);
        assertThat(view.getSubmit()).isNull();
        assertThat(inputBlockIds(json)).isEmpty();
        assertThat(json.toString()).contains("*Target version:* OpenSearch 2.18.0", "Fix what NCP reports, then run the command again");
    }

    @Test
    void kafkaUpgrade_precheckWithoutGroupChosen_isNotShownAsTheResult() {
        View view = triggerKafka(kafkaForm(Optional.of(KAFKA_390), Optional.empty(), Optional.of(new Precheck(true, "SUCCESS"))));

        assertThat(view.getSubmit().getText()).isEqualTo("Run precheck");
        assertThat(json(view).toString()).doesNotContain("Precheck passed").doesNotContain(SlackIds.BlockIds.CONFIRM_NAME);
    }

    @Test
    void openSearchUpgrade_snapshotPrecheckFailed_matchesGoldenAndExplainsTheSnapshotRule() {
        View view = triggerOpenSearch(openSearchForm(Optional.of(OS_2180),
                Optional.of(new Precheck(false, "A snapshot created within 6 hours is required for the upgrade."))));

        JsonObject json = json(view);
        assertThat(view.getCallbackId()).isEqualTo("opensearch-upgrade-confirm");
        assertThat(view.getSubmit()).isNull();
        assertThat(inputBlockIds(json)).isEmpty();
        assertThat(json.toString()).doesNotContain(SlackIds.BlockIds.CONFIG_GROUP)
                .contains("A cluster snapshot taken within the last 6 hours is required.")
                .contains("User data can't be recovered if lost during the upgrade.");
        assertThat(block(json, SlackIds.BlockIds.PRECHECK).toString()).contains(":x: *Precheck failed.*")
                .contains("A snapshot created within 6 hours is required for the upgrade.")
                .contains("Search Engine Service → Snapshot").contains("createSnapshot API");
        Golden.assertMatches("upgrade-opensearch-precheck-failed-snapshot", view);
    }

    @Test
    void openSearchUpgrade_otherPrecheckFailure_hasNoSnapshotHelp() {
        View view = triggerOpenSearch(openSearchForm(Optional.of(OS_2180), Optional.of(new Precheck(false, "Cluster is changing"))));

        assertThat(json(view).toString()).doesNotContain("createSnapshot");
    }

    @Test
    void openSearchUpgrade_precheckPassed_addsNameReasonAndStart() {
        View view = triggerOpenSearch(openSearchForm(Optional.of(OS_2180), Optional.of(new Precheck(true, "SUCCESS"))));

        assertThat(view.getSubmit().getText()).isEqualTo("Start upgrade");
        assertThat(inputBlockIds(json(view))).containsExactly(SlackIds.BlockIds.TARGET_VERSION, SlackIds.BlockIds.CONFIRM_NAME,
                SlackIds.BlockIds.REASON);
    }

    @Test
    void openSearchUpgrade_noPrecheckYet_saysWhenItRuns() {
        View view = triggerOpenSearch(openSearchForm(Optional.empty(), Optional.empty()));

        assertThat(json(view).toString()).contains("Precheck runs when a version is chosen.");
    }

    @Test
    void kafkaUpgrade_alreadyNewest_matchesGoldenWithoutInputsOrSubmit() {
        UpgradeOptions newest = new UpgradeOptions(KAFKA_390, List.of());

        View view = triggerKafka(new UpgradeForm(Rollouts.KAFKA, kafkaNodes(), newest, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), METADATA));

        assertThat(view.getSubmit()).isNull();
        assertThat(view.getClose().getText()).isEqualTo("Close");
        assertThat(json(view).toString()).doesNotContain("\"type\":\"input\"")
                .contains("already on the newest version NCP offers: *Kafka 3.9.0, CMAK 3.0.0.6*");
        Golden.assertMatches("upgrade-kafka-already-newest", view);
    }

    @Test
    void openSearchUpgrade_alreadyNewest_hasNoSubmit() {
        View view = triggerOpenSearch(new UpgradeForm(Rollouts.OPENSEARCH, searchNodes(), new UpgradeOptions(OS_2180, List.of()),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), METADATA));

        assertThat(view.getSubmit()).isNull();
        assertThat(json(view).toString()).contains("OpenSearch 2.18.0");
    }

    @Test
    void kafkaUpgrade_150NewerVersions_offersTheNewest100() {
        List<VersionChoice> newer = IntStream.rangeClosed(1, 150).mapToObj(i -> new VersionChoice("code-" + i, "Kafka 4." + i + ".0")).toList();

        View view = triggerKafka(new UpgradeForm(Rollouts.KAFKA, kafkaNodes(), new UpgradeOptions(KAFKA_390, newer), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), METADATA));

        List<String> values = values(block(json(view), SlackIds.BlockIds.TARGET_VERSION).getAsJsonObject("element"));
        assertThat(values).hasSize(100).startsWith("code-51").endsWith("code-150");
    }

    @Test
    void kafkaUpgrade_selectedVersionOutsideTheNewest100_staysOffered() {
        List<VersionChoice> newer = IntStream.rangeClosed(1, 150).mapToObj(i -> new VersionChoice("code-" + i, "Kafka 4." + i + ".0")).toList();

        View view = triggerKafka(new UpgradeForm(Rollouts.KAFKA, kafkaNodes(), new UpgradeOptions(KAFKA_390, newer), Optional.of(newer.get(9)),
                List.of(), Optional.empty(), Optional.empty(), METADATA));

        JsonObject select = block(json(view), SlackIds.BlockIds.TARGET_VERSION).getAsJsonObject("element");
        assertThat(values(select)).hasSize(100).startsWith("code-10", "code-52").endsWith("code-150");
        assertThat(select.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("code-10");
    }

    @Test
    void kafkaUpgrade_longAndHostileNames_areCutAndEscaped() {
        VersionChoice hostile = new VersionChoice("4000000", "Kafka <!channel> & " + "x".repeat(200));
        ConfigGroupChoice group = new ConfigGroupChoice("9", "<@U1> " + "g".repeat(200), "");
        Observation nodes = Observations.cluster("<running>").broker("<!here>", "green").build();

        View view = triggerKafka(new UpgradeForm(Rollouts.KAFKA, nodes, new UpgradeOptions(KAFKA_390, List.of(hostile)), Optional.of(hostile),
                List.of(group), Optional.of(group), Optional.of(new Precheck(false, "<!channel> denied")), METADATA));

        String mrkdwn = mrkdwn(json(view));
        assertThat(mrkdwn).contains("status &lt;running&gt;").contains("*&lt;!here&gt;*").contains(">&lt;!channel&gt; denied")
                .doesNotContain("<!channel>").doesNotContain("<!here>");
        assertThat(mrkdwn).contains("*Config group:* &lt;@U1&gt; gggg").contains("g… (#9)").doesNotContain("<@U1>");
    }

    @Test
    void kafkaUpgrade_openSearchCluster_isRefused() {
        assertThatThrownBy(() -> views.kafkaUpgrade(openSearchForm(Optional.empty(), Optional.empty()), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openSearchUpgrade_withConfigGroups_isRefused() {
        UpgradeForm form = new UpgradeForm(Rollouts.OPENSEARCH, searchNodes(), new UpgradeOptions(OS_2150, List.of(OS_2180)), Optional.of(OS_2180),
                List.of(DEFAULT_390), Optional.empty(), Optional.empty(), METADATA);

        assertThatThrownBy(() -> views.openSearchUpgrade(form, Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void form_privateMetadataOverLimit_isRefused() {
        assertThatThrownBy(() -> new UpgradeForm(Rollouts.KAFKA, kafkaNodes(), KAFKA_OPTIONS, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), "x".repeat(3001))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyView_simulated_carriesTheSimulatedLabel() {
        UpgradeViews simulated = new UpgradeViews(true);

        for (View view : List.of(simulated.kafkaUpgrade(kafkaForm(Optional.of(KAFKA_390), Optional.of(DEFAULT_390), Optional.empty()), Locale.ENGLISH),
                simulated.openSearchUpgrade(openSearchForm(Optional.of(OS_2180), Optional.of(new Precheck(true, "SUCCESS"))), Locale.ENGLISH))) {
            BlockKitLimits.assertWithinLimits(view);
            assertThat(json(view).toString()).contains(":test_tube: Simulated cluster — nothing real is touched");
        }
    }

    private static UpgradeForm kafkaForm(Optional<VersionChoice> version, Optional<ConfigGroupChoice> group, Optional<Precheck> precheck) {
        return new UpgradeForm(Rollouts.KAFKA, kafkaNodes(), KAFKA_OPTIONS, version, version.isPresent() ? List.of(DEFAULT_390, TUNED_390) : List.of(),
                group, precheck, METADATA);
    }

    private static UpgradeForm openSearchForm(Optional<VersionChoice> version, Optional<Precheck> precheck) {
        return new UpgradeForm(Rollouts.OPENSEARCH, searchNodes(), new UpgradeOptions(new VersionChoice("2110", "OpenSearch 2.11.0"),
                List.of(OS_2150, OS_2180)), version, List.of(), Optional.empty(), precheck, METADATA);
    }

    private static Observation kafkaNodes() {
        return Observations.cluster("running").broker("demo-kafka-b-1", "green").broker("demo-kafka-b-2", "green")
                .broker("demo-kafka-b-3", "green").zookeeper("demo-kafka-zk-1", "green").build();
    }

    private static Observation searchNodes() {
        return Observations.cluster("running").version("2110").manager("demo-search-m-1", "running")
                .data("demo-search-d-1", "running").data("demo-search-d-2", "running").build();
    }

    private View triggerKafka(UpgradeForm form) {
        View view = views.kafkaUpgrade(form, Locale.ENGLISH);
        BlockKitLimits.assertWithinLimits(view);
        return view;
    }

    private View triggerOpenSearch(UpgradeForm form) {
        View view = views.openSearchUpgrade(form, Locale.ENGLISH);
        BlockKitLimits.assertWithinLimits(view);
        return view;
    }

    private static JsonObject json(View view) {
        return BlockKitLimits.json(view).getAsJsonObject();
    }

    private static List<String> inputBlockIds(JsonObject view) {
        List<String> ids = new ArrayList<>();
        for (JsonElement b : view.getAsJsonArray("blocks")) {
            if (b.getAsJsonObject().get("type").getAsString().equals("input")) {
                ids.add(b.getAsJsonObject().get("block_id").getAsString());
            }
        }
        return ids;
    }

    private static JsonObject block(JsonObject view, String blockId) {
        for (JsonElement b : view.getAsJsonArray("blocks")) {
            JsonObject o = b.getAsJsonObject();
            if (o.has("block_id") && o.get("block_id").getAsString().equals(blockId)) {
                return o;
            }
        }
        throw new AssertionError("no block " + blockId);
    }

    /** Every mrkdwn text of the tree, joined: the only text in which Slack parses mentions and links. */
    static String mrkdwn(JsonElement e) {
        StringBuilder all = new StringBuilder();
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> all.append(mrkdwn(x)));
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("type") && o.get("type").getAsString().equals("mrkdwn")) {
                all.append(o.get("text").getAsString()).append('\n');
            } else {
                o.entrySet().forEach(entry -> all.append(mrkdwn(entry.getValue())));
            }
        }
        return all.toString();
    }

    private static List<String> values(JsonObject select) {
        JsonArray options = select.getAsJsonArray("options");
        List<String> values = new ArrayList<>();
        options.forEach(o -> values.add(o.getAsJsonObject().get("value").getAsString()));
        return values;
    }
}

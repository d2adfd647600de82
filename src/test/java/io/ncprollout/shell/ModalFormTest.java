package io.ncprollout.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModalFormTest {
    private static final JsonObject VIEW = JsonParser.parseString(("{'type':'modal','blocks':["
            + "{'type':'section','text':{'type':'mrkdwn','text':'hi'}},"
            + "{'type':'input','block_id':'target-version','dispatch_action':true,'label':{'type':'plain_text','text':'Version'},"
            + "'element':{'type':'static_select','action_id':'target-version-select','options':["
            + "{'text':{'type':'plain_text','text':'3.8.1'},'value':'3801'},{'text':{'type':'plain_text','text':'3.9.0'},'value':'3903'}],"
            + "'initial_option':{'text':{'type':'plain_text','text':'3.9.0'},'value':'3903'}}},"
            + "{'type':'input','block_id':'confirm-name','label':{'type':'plain_text','text':'Name'},"
            + "'element':{'type':'plain_text_input','action_id':'confirm-name-input'}}]}").replace('\'', '"')).getAsJsonObject();

    private static final JsonObject BOX = JsonParser.parseString(("{'type':'modal','blocks':["
            + "{'type':'input','block_id':'start-anyway','label':{'type':'plain_text','text':'Health gate'},"
            + "'element':{'type':'checkboxes','action_id':'start-anyway-check','options':["
            + "{'text':{'type':'plain_text','text':'Start anyway'},'value':'start-anyway'}]}}]}").replace('\'', '"')).getAsJsonObject();

    @Test
    void checkboxes_yesTicksTheBox_anythingElseLeavesItEmpty_andTheTextSaysHow() {
        assertThat(ModalForm.stateValues(BOX, Map.of("start-anyway", "Yes")).toString())
                .contains("\"selected_options\":[{\"text\":{\"type\":\"plain_text\",\"text\":\"Start anyway\"},\"value\":\"start-anyway\"}]");
        assertThat(ModalForm.stateValues(BOX, Map.of("start-anyway", "no")).toString()).contains("\"selected_options\":[]");
        assertThat(BlockKitText.view(BOX)).contains("Health gate: type yes to tick  (start-anyway)", "  [ ] Start anyway");
    }

    @Test
    void fields_areTheInputBlocksInOrder() {
        assertThat(ModalForm.fields(VIEW)).extracting(ModalForm.Field::blockId).containsExactly("target-version", "confirm-name");
        assertThat(ModalForm.fields(VIEW).get(0).dispatch()).isTrue();
    }

    @Test
    void stateValues_holdTypedTextAndTheChosenOption() {
        JsonObject values = ModalForm.stateValues(VIEW, Map.of("confirm-name", "demo-kafka", "target-version", "3801"));

        assertThat(values.getAsJsonObject("confirm-name").getAsJsonObject("confirm-name-input").get("value").getAsString()).isEqualTo("demo-kafka");
        assertThat(values.getAsJsonObject("target-version").getAsJsonObject("target-version-select")
                .getAsJsonObject("selected_option").get("value").getAsString()).isEqualTo("3801");
    }

    @Test
    void stateValues_unansweredSelectKeepsItsInitialOption_unansweredTextIsEmpty() {
        JsonObject values = ModalForm.stateValues(VIEW, Map.of());

        assertThat(values.getAsJsonObject("target-version").getAsJsonObject("target-version-select")
                .getAsJsonObject("selected_option").get("value").getAsString()).isEqualTo("3903");
        assertThat(values.getAsJsonObject("confirm-name").getAsJsonObject("confirm-name-input").get("value").getAsString()).isEmpty();
    }

    @Test
    void option_byNumberValueOrText() {
        ModalForm.Field select = ModalForm.fields(VIEW).get(0);

        assertThat(select.option("1")).hasValueSatisfying(o -> assertThat(o.get("value").getAsString()).isEqualTo("3801"));
        assertThat(select.option("3903")).isPresent();
        assertThat(select.option("3.8.1")).isPresent();
        assertThat(select.option("3")).isEmpty();
    }
}

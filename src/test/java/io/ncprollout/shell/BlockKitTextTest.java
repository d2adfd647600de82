package io.ncprollout.shell;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockKitTextTest {

    private static JsonObject json(String text) {
        return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
    }

    @Test
    void section_mrkdwn_stripsMarkupAndKeepsEmojiNames() {
        List<String> lines = BlockKitText.block(json(
                "{'type':'section','text':{'type':'mrkdwn','text':':large_green_circle: *demo-kafka-b-1* · _broker_ · started by <@U0LOCAL>\\nsecond line'}}"));

        assertThat(lines).containsExactly(":large_green_circle: demo-kafka-b-1 · broker · started by @U0LOCAL", "second line");
    }

    @Test
    void section_fieldsAndButtonAccessory_eachOnTheirOwnLine() {
        List<String> lines = BlockKitText.block(json("{'type':'section','text':{'type':'plain_text','text':'Nodes'},"
                + "'fields':[{'type':'mrkdwn','text':'*brokers* 3'},{'type':'plain_text','text':'zk 3'}],"
                + "'accessory':{'type':'button','action_id':'go','text':{'type':'plain_text','text':'Go'}}}"));

        assertThat(lines).containsExactly("Nodes", "brokers 3", "zk 3", "[Go]");
    }

    @Test
    void context_joinsItsElementsOnOneIndentedLine() {
        List<String> lines = BlockKitText.block(json("{'type':'context','elements':[{'type':'mrkdwn','text':'Cluster *10178538*'},"
                + "{'type':'mrkdwn','text':'started <!date^1790000000^{time_secs}|10:00:00 UTC>'},{'type':'image','image_url':'x','alt_text':'y'}]}"));

        assertThat(lines).containsExactly("  Cluster 10178538  started 10:00:00 UTC  [image]");
    }

    @Test
    void actions_buttonsInBrackets() {
        List<String> lines = BlockKitText.block(json("{'type':'actions','elements':["
                + "{'type':'button','action_id':'refresh-now','value':'r1','text':{'type':'plain_text','text':'Refresh now'}},"
                + "{'type':'button','action_id':'show-status','value':'r1','text':{'type':'plain_text','text':'Cluster status'}}]}"));

        assertThat(lines).containsExactly("[Refresh now] [Cluster status]");
    }

    @Test
    void input_textField_isLabelledWithItsBlockIdAndPlaceholder() {
        LayoutBlock block = input(i -> i.blockId("confirm-name").label(plainText("Type the cluster name to confirm"))
                .element(plainTextInput(e -> e.actionId("confirm-name-input").placeholder(plainText("demo-kafka")))));
        JsonObject asSent = GsonFactory.createSnakeCase().toJsonTree(block).getAsJsonObject();

        assertThat(BlockKitText.block(asSent))
                .containsExactly("Type the cluster name to confirm: [__________]  (confirm-name)  e.g. demo-kafka");
    }

    @Test
    void input_select_numbersItsOptionsAndMarksTheSelectedOne() {
        List<String> lines = BlockKitText.block(json("{'type':'input','block_id':'target-version','label':{'type':'plain_text','text':'Target version'},"
                + "'element':{'type':'static_select','action_id':'v','options':["
                + "{'text':{'type':'plain_text','text':'3.8.1'},'value':'3801'},{'text':{'type':'plain_text','text':'3.9.0'},'value':'3903006'}],"
                + "'initial_option':{'text':{'type':'plain_text','text':'3.9.0'},'value':'3903006'}}}"));

        assertThat(lines).containsExactly("Target version: choose one  (target-version)", "  1) 3.8.1", "  2) 3.9.0  (selected)");
    }

    @Test
    void headerDividerAndUnknownBlocks() {
        JsonArray blocks = new JsonArray();
        blocks.add(json("{'type':'header','text':{'type':'plain_text','text':'Operations'}}"));
        blocks.add(json("{'type':'divider'}"));
        blocks.add(json("{'type':'rich_text','elements':[]}"));

        assertThat(BlockKitText.blocks(blocks)).containsExactly("== Operations ==", "----", "[rich_text]");
    }

    @Test
    void view_titleBlocksThenSubmitAndClose() {
        JsonObject view = json("{'type':'modal','title':{'type':'plain_text','text':'Confirm restart'},"
                + "'submit':{'type':'plain_text','text':'Start restart'},'close':{'type':'plain_text','text':'Cancel'},"
                + "'blocks':[{'type':'section','text':{'type':'mrkdwn','text':':warning: may cause *data loss*'}}]}");

        assertThat(BlockKitText.view(view)).containsExactly("== Confirm restart ==", ":warning: may cause data loss", "[Start restart] [Cancel]");
    }

    @Test
    void message_withoutBlocks_isItsFallbackText() {
        assertThat(BlockKitText.message(":hourglass: Refreshed &lt;10 s ago", null)).containsExactly(":hourglass: Refreshed <10 s ago");
    }

    @Test
    void mrkdwn_tokensLinksQuotesAndEntities() {
        assertThat(MrkdwnText.plain("<#C0LOCAL> <#C1|ops> <!here> <!subteam^S1|@sre> <https://x.test/a|the thread> <https://x.test/b>"))
                .isEqualTo("#C0LOCAL #ops @here @sre the thread https://x.test/b");
        assertThat(MrkdwnText.plain(">NCP says:\n>not ready &amp; busy")).isEqualTo("| NCP says:\n| not ready & busy");
        assertThat(MrkdwnText.plain("`/invite @bot` ~old~ :white_check_mark: snake_case_name")).isEqualTo("`/invite @bot` old :white_check_mark: snake_case_name");
    }
}

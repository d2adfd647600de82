package io.ncprollout.slack.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ncprollout.rollout.cluster.Product;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /kafka schedule} and {@code /kafka schedule cancel <id>}, and the mistakes around them. */
class CommandParserScheduleTest {

    @Test
    void parse_schedule_isTheList() {
        CommandLine line = CommandParser.parse("/opensearch", "schedule");

        assertThat(line.product()).isEqualTo(Product.OPENSEARCH);
        assertThat(line.action()).isEqualTo("schedule");
        assertThat(line.scheduleId()).isEmpty();
        assertThat(line.cluster()).isEmpty();
    }

    @Test
    void parse_scheduleCancel_givesTheId() {
        CommandLine line = CommandParser.parse("/kafka", "SCHEDULE Cancel 0f8fad5b-d9cb-469f-a165-70867728950e");

        assertThat(line.action()).isEqualTo("schedule");
        assertThat(line.scheduleId()).contains("0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    @Test
    void parse_otherCommands_haveNoScheduleId() {
        assertThat(CommandParser.parse("/kafka", "restart demo-kafka").scheduleId()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/kafka|schedule cancel|Give the id of the run to cancel: `/kafka schedule cancel <id>` (`/kafka schedule` lists them).",
        "/opensearch|schedule cancel|`/opensearch schedule cancel <id>`",
        "/kafka|schedule cancel <b>x|`<b>x` is not the id of a scheduled run: `/kafka schedule` lists them with their ids.",
        "/kafka|schedule cancel run-1 run-2|Unexpected `run-2`. Usage: `/kafka schedule cancel <id>`",
        "/kafka|schedule demo-kafka|`/kafka schedule` lists the scheduled runs and `/kafka schedule cancel <id>` cancels one; unexpected `demo-kafka`.",
        "/kafka|schedule run-1|unexpected `run-1`",
        "/kafka|schedule --wave 2|`--all`, `--wave` and `--pause` choose a fleet",
        "/kafka|schedul|Did you mean `/kafka schedule`?",
    })
    void parse_scheduleMistakes_sayWhatToTypeInstead(String command, String text, String message) {
        assertThatThrownBy(() -> CommandParser.parse(command, text)).isInstanceOf(UsageException.class).hasMessageContaining(message);
    }

    @Test
    void parse_scheduleMistake_isWordedInKoreanToo() {
        UsageException e = catchThrowableOfType(() -> CommandParser.parse("/kafka", "schedule cancel"), UsageException.class);

        assertThat(e.message(Locale.KOREAN)).isEqualTo("취소할 예약의 id를 주세요: `/kafka schedule cancel <id>` (목록은 `/kafka schedule`).");
    }

    @Test
    void parse_longGarbageId_isClippedInTheMessage() {
        assertThatThrownBy(() -> CommandParser.parse("/kafka", "schedule cancel " + "é".repeat(100))).message().hasSizeLessThan(150);
    }
}

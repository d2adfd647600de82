package io.ncprollout.slack.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --at} as people type it in Slack, quoted or not, with or without a zone, before or after the cluster. */
class AtTimeTest {
    private static final LocalDateTime TWO_AM = LocalDateTime.parse("2026-12-05T02:00");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "restart orders-prod --at \"2026-12-05 02:00\"|",
        "restart orders-prod --at 2026-12-05 02:00|",
        "restart orders-prod --at 2026-12-05T02:00|",
        "restart orders-prod --at=2026-12-05T02:00|",
        "restart orders-prod --at “2026-12-05 02:00”|",
        "restart --at \"2026-12-05 02:00\" orders-prod|",
        "restart orders-prod --at \"2026-12-05 02:00\" KST|Asia/Seoul",
        "restart orders-prod --at \"2026-12-05 02:00 KST\"|Asia/Seoul",
        "restart orders-prod --at 2026-12-05 02:00 utc|UTC",
        "restart orders-prod --at 2026-12-05T02:00 UTC|UTC",
        "restart orders-prod --at 2026-12-05 02:00 Asia/Tokyo|Asia/Tokyo",
        "restart --at 2026-12-05 02:00 KST orders-prod --region KR|Asia/Seoul"})
    void at_isReadInEveryWayItIsTyped(String text, String zone) {
        CommandLine line = CommandParser.parse("/kafka", text);

        assertThat(line.cluster()).contains("orders-prod");
        assertThat(line.at()).contains(new AtTime(TWO_AM, Optional.ofNullable(zone).map(ZoneId::of)));
    }

    @Test
    void upgrade_takesAtAfterTheVersion() {
        CommandLine line = CommandParser.parse("/opensearch", "upgrade search-prod 2.11 --at \"2026-12-05 02:00\" KST");

        assertThat(line.version()).contains("2.11");
        assertThat(line.at()).contains(new AtTime(TWO_AM, Optional.of(ZoneId.of("Asia/Seoul"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "restart orders-prod --at|`--at` needs a time",
        "restart orders-prod --at --region KR|`--at` needs a time",
        "restart orders-prod --at tomorrow 02:00|`--at tomorrow 02:00` is not a time",
        "restart orders-prod --at 2026-12-05|`--at 2026-12-05` is not a time",
        "restart orders-prod --at 2026-13-05 02:00|`--at 2026-13-05 02:00` is not a time",
        "restart orders-prod --at 2026-12-05 25:00|is not a time",
        "restart orders-prod --at 2026-12-05 02:00 PST|`PST` is not a time zone the bot takes",
        "status orders-prod --at 2026-12-05 02:00|`--at` schedules a restart or an upgrade: it does not go with `/kafka status`",
        "restart-cmak orders-prod --at 2026-12-05 02:00|it does not go with `/kafka restart-cmak`"})
    void aTimeThatCannotBeRead_isAUsageErrorSayingWhatToType(String text, String said) {
        UsageException e = catchThrowableOfType(() -> CommandParser.parse("/kafka", text), UsageException.class);

        assertThat(e).isNotNull();
        assertThat(e.message(Locale.ENGLISH)).contains(said);
        assertThat(e.message(Locale.KOREAN)).isNotBlank().doesNotContain("usage.");
    }
}

package io.ncprollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"15s, PT15S", "500ms, PT0.5S", "2m, PT2M", "1h, PT1H", "PT30S, PT30S", "pt1m, PT1M", " 10 s , PT10S", "1d, PT24H"})
    void parse_acceptedForms_giveTheDuration(String text, String expected) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifteen", "15", "-5s", "0s", "PT0S", "-PT1S", "15 minutes"})
    void parse_badOrNonPositive_isRefusedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text.trim());
    }
}

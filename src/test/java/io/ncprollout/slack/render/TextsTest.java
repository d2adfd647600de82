package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TextsTest {
    private static final Properties ENGLISH = load("i18n/messages.properties");
    private static final Properties KOREAN = load("i18n/messages_ko.properties");

    @Test
    void bundles_everyEnglishKey_existsInKoreanAndNoKoreanKeyIsExtra() {
        assertThat(KOREAN.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ENGLISH.stringPropertyNames());
    }

    @Test
    void bundles_everyKey_hasTheSameArgumentsInBothLanguages() {
        for (String key : ENGLISH.stringPropertyNames()) {
            // GIVEN both patterns; WHEN each is parsed; THEN both use the same highest argument index
            int english = new MessageFormat(ENGLISH.getProperty(key)).getFormatsByArgumentIndex().length;
            int korean = new MessageFormat(KOREAN.getProperty(key)).getFormatsByArgumentIndex().length;

            assertThat(korean).as("arguments of %s", key).isEqualTo(english);
            for (int i = 0; i < english; i++) {
                assertThat(KOREAN.getProperty(key)).as("argument {%s} of %s in Korean", i, key).contains("{" + i + "}");
                assertThat(ENGLISH.getProperty(key)).as("argument {%s} of %s in English", i, key).contains("{" + i + "}");
            }
        }
    }

    @Test
    void bundles_korean_isReadAsUtf8Hangul() {
        assertThat(Texts.of(Locale.KOREAN).t("kind.KAFKA_RESTART")).isEqualTo("롤링 재시작");
        assertThat(Texts.of(Locale.forLanguageTag("ko-KR")).t("role.BROKER.many")).isEqualTo("브로커");
    }

    @Test
    void of_unknownLocale_fallsBackOnEnglish() {
        assertThat(Texts.of(Locale.FRANCE).t("kind.KAFKA_RESTART")).isEqualTo("Rolling restart");
        assertThat(Texts.of(Locale.forLanguageTag("ja-JP")).locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void of_englishWhileTheJvmDefaultIsKorean_staysEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREA);
            assertThat(Texts.of(Locale.US).t("button.cancel")).isEqualTo("Cancel");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void t_numbersAndApostrophes_areWrittenPlainly() {
        Texts english = Texts.of(Locale.ENGLISH);

        assertThat(english.t("nodes.more", 12345)).isEqualTo("…and 12345 more");
        assertThat(english.t("flow.formOutOfDate")).isEqualTo("This form can't be used any more. Run the command again.");
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

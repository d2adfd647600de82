package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void masked_passwordParameter_isHidden() {
        assertThat(DatabaseSettings.masked("jdbc:postgresql://db:5432/rollout?user=bot&password=s3c;r%26t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/rollout?user=bot&password=***&ssl=true");
    }

    @Test
    void masked_userInfo_isHidden() {
        assertThat(DatabaseSettings.masked("jdbc:postgresql://bot:s3cret@db:5432/rollout")).isEqualTo("jdbc:postgresql://bot:***@db:5432/rollout");
    }

    @Test
    void masked_noPassword_isUnchanged() {
        assertThat(DatabaseSettings.masked("jdbc:postgresql://db/rollout?user=bot")).isEqualTo("jdbc:postgresql://db/rollout?user=bot");
    }

    @Test
    void of_readsCredentialVariables_blankIsUnset() {
        DatabaseSettings settings = DatabaseSettings.of(Optional.of("jdbc:postgresql://db/rollout"), "./data",
                Map.of("DATABASE_USER", "bot", "DATABASE_PASSWORD", " "));

        assertThat(settings.user()).contains("bot");
        assertThat(settings.password()).isEmpty();
        assertThat(settings.isShared()).isTrue();
    }

    @Test
    void toStringAndDescribe_neverShowThePassword() {
        DatabaseSettings settings = new DatabaseSettings(Optional.of("jdbc:postgresql://db/rollout?password=inurl"), Optional.of("bot"),
                Optional.of("invariable"), Path.of("./data"));

        assertThat(settings.toString()).contains("DATABASE_URL", "DATABASE_PASSWORD=***").doesNotContain("inurl", "invariable");
        assertThat(settings.describe()).doesNotContain("inurl");
    }

    @Test
    void describe_embedded_namesDataDir() {
        assertThat(DatabaseSettings.embedded(Path.of("/var/lib/bot")).describe()).contains("DATA_DIR=/var/lib/bot");
    }
}

package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixture: compares the Slack JSON of a model with a golden file under
 * {@code src/test/resources/fixtures/slack/render/}. A missing golden fails the test; run with
 * {@code -Dgoldens.update=true} to (re)write it from the current output, then read the diff.
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/fixtures/slack/render");

    private Golden() {
    }

    static void assertMatches(String name, Object model) {
        // GsonFactory writes the JSON; the second Gson only indents the tree for readable diffs.
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(BlockKitLimits.json(model)) + "\n";
        Path file = DIR.resolve(name + ".json");
        try {
            if (Boolean.getBoolean("goldens.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, json, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s (run with -Dgoldens.update=true to write it)", file).exists();
            assertThat(json).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

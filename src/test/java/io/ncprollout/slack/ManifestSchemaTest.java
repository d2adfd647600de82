package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both shipped manifests against the app-manifest schema in {@code src/test/resources/slack/app-manifest.schema.json}
 * (a hand-written subset of Slack's documented manifest reference, see its {@code $comment}): {@code manifest.yml}
 * for Socket Mode and {@code manifest-http.yml} for HTTP mode, whose every endpoint must have a request URL.
 */
class ManifestSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ManifestSchemaTest.class.getResourceAsStream("/slack/app-manifest.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void socketModeManifest_isValid() throws IOException {
        assertThat(errors(read("manifest.yml"))).isEmpty();
    }

    @Test
    void httpModeManifest_isValid_andSendsEverythingToSlackEvents() throws IOException {
        JsonNode http = read("manifest-http.yml");

        assertThat(errors(http)).isEmpty();
        assertThat(http.at("/settings/socket_mode_enabled").asBoolean()).isFalse();
        assertThat(http.at("/settings/event_subscriptions/request_url").asText()).endsWith(SlackHttpServer.PATH);
        assertThat(http.at("/settings/interactivity/request_url").asText()).endsWith(SlackHttpServer.PATH);
        http.at("/features/slash_commands").forEach(c -> assertThat(c.get("url").asText()).endsWith(SlackHttpServer.PATH));
    }

    @Test
    void manifestsDifferOnlyInTransport() throws IOException {
        ObjectNode socket = (ObjectNode) read("manifest.yml");
        ObjectNode http = (ObjectNode) read("manifest-http.yml");
        for (ObjectNode m : new ObjectNode[] {socket, http}) {
            ((ObjectNode) m.get("settings")).remove("socket_mode_enabled");
            ((ObjectNode) m.at("/settings/event_subscriptions")).remove("request_url");
            ((ObjectNode) m.at("/settings/interactivity")).remove("request_url");
            m.at("/features/slash_commands").forEach(c -> ((ObjectNode) c).remove("url"));
        }

        assertThat(http).isEqualTo(socket);
    }

    @Test
    void httpModeManifest_asTheOldReadmeHadItEdited_isRefused() throws IOException {
        // GIVEN manifest.yml edited as the README used to say: Socket Mode off, URLs on commands and interactivity only
        ObjectNode edited = (ObjectNode) read("manifest.yml");
        ((ObjectNode) edited.get("settings")).put("socket_mode_enabled", false);
        ((ObjectNode) edited.at("/settings/interactivity")).put("request_url", "https://bot.example.com/slack/events");
        edited.at("/features/slash_commands").forEach(c -> ((ObjectNode) c).put("url", "https://bot.example.com/slack/events"));

        // THEN the missing event subscription URL is refused, as Slack refuses it
        assertThat(errors(edited)).anySatisfy(e -> assertThat(e).contains("request_url"));
    }

    private static Set<String> errors(JsonNode manifest) {
        return schema.validate(manifest).stream().map(ValidationMessage::getMessage).collect(java.util.stream.Collectors.toSet());
    }

    private static JsonNode read(String file) throws IOException {
        return YAML.readTree(Path.of(file).toFile());
    }
}

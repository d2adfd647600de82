package io.ncprollout.slack;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code manifest.yml} asks Slack for exactly what the code uses: the slash commands {@link SlackListeners}
 * registers, the bot scopes of the Web API methods the code calls (read from the sources and mapped with the table
 * below), interactivity, Socket Mode, and {@code app_home_opened} only with an App Home handler.
 */
class ManifestTest {
    /** Web API method (as the SDK's MethodsClient names it) to the bot scope it needs; "" for none. */
    private static final Map<String, String> SCOPE_OF = Map.ofEntries(
            entry("authTest", ""),
            entry("chatPostMessage", "chat:write"), entry("chatUpdate", "chat:write"),
            entry("chatPostEphemeral", "chat:write"), entry("chatDelete", "chat:write"),
            entry("viewsOpen", ""), entry("viewsUpdate", ""), entry("viewsPush", ""), entry("viewsPublish", ""),
            entry("usersInfo", "users:read"), entry("usersList", "users:read"),
            entry("usergroupsList", "usergroups:read"), entry("usergroupsUsersList", "usergroups:read"),
            entry("conversationsInfo", "channels:read"), entry("conversationsMembers", "channels:read"),
            entry("reactionsAdd", "reactions:write"));
    private static final Pattern WEB_API_CALL = Pattern.compile(
            "\\.((?:auth|chat|views|users|usergroups|conversations|reactions|files|team|apps|bots|pins|dnd|bookmarks|reminders)[A-Z]\\w*)\\(");
    private static final Pattern COMMAND = Pattern.compile("app\\.command\\(\"(/[^\"]+)\"");

    private static JsonNode manifest;
    private static String listeners;

    @BeforeAll
    static void read() throws IOException {
        manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("manifest.yml").toFile());
        listeners = Files.readString(Path.of("src/main/java/io/ncprollout/slack/SlackListeners.java"));
    }

    @Test
    void slashCommands_areThoseSlackListenersRegisters() {
        Set<String> declared = new TreeSet<>();
        manifest.at("/features/slash_commands").forEach(c -> declared.add(c.get("command").asText()));

        assertThat(declared).isEqualTo(matches(COMMAND, listeners)).contains("/kafka", "/opensearch");
    }

    @Test
    void botScopes_areExactlyWhatTheCodeCalls() throws IOException {
        Set<String> called = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> called.addAll(matches(WEB_API_CALL, read(p))));
        }
        assertThat(called).as("add each Web API method the code calls to SCOPE_OF with its scope").isSubsetOf(SCOPE_OF.keySet());
        Set<String> needed = new TreeSet<>();
        called.stream().map(SCOPE_OF::get).filter(s -> !s.isEmpty()).forEach(needed::add);
        if (!matches(COMMAND, listeners).isEmpty()) {
            needed.add("commands");
        }
        Set<String> declared = new TreeSet<>();
        manifest.at("/oauth_config/scopes/bot").forEach(s -> declared.add(s.asText()));

        assertThat(called).contains("chatPostMessage", "chatUpdate", "viewsOpen");
        assertThat(declared).isEqualTo(needed);
    }

    @Test
    void interactivityAndSocketMode_areOn() {
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
    }

    @Test
    void appHomeOpened_isSubscribedIffItsHandlerIsRegistered() {
        boolean registered = listeners.contains("app.event(AppHomeOpenedEvent.class");
        Set<String> events = new TreeSet<>();
        manifest.at("/settings/event_subscriptions/bot_events").forEach(e -> events.add(e.asText()));

        assertThat(events.contains("app_home_opened")).isEqualTo(registered);
        assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isEqualTo(registered);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

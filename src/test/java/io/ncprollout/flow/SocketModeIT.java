package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.Bot;
import io.ncprollout.BotWiring;
import io.ncprollout.NcpBackend;
import io.ncprollout.Storage;
import io.ncprollout.config.BotConfig;
import io.ncprollout.sim.SimulatorSettings;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end: the bot opens a connection with its app token (apps.connections.open), receives a slash
 * command envelope over the WebSocket and answers it with the envelope's id; its follow-up work then calls the Web API.
 */
class SocketModeIT {
    private final BlockingQueue<String> fromBot = new LinkedBlockingQueue<>();
    private final List<String> webApi = new CopyOnWriteArrayList<>();

    @Test
    void slashCommandOverTheWebSocket_isAckedWithItsEnvelopeIdAndFollowedUp() throws Exception {
        MockWebServer slack = new MockWebServer();
        slack.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath() == null ? "" : request.getPath();
                if (path.startsWith("/link")) {
                    return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                        @Override
                        public void onOpen(WebSocket socket, Response response) {
                            socket.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0TEST\"}}");
                            socket.send(envelope());
                        }

                        @Override
                        public void onMessage(WebSocket socket, String text) {
                            fromBot.add(text);
                        }
                    });
                }
                String method = path.replaceFirst("^/api/", "").replaceFirst("\\?.*$", "");
                webApi.add(method);
                String body = switch (method) {
                    case "apps.connections.open" -> "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + slack.getPort() + "/link\"}";
                    case "auth.test" -> "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team_id\":\"T0TEST\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
                    case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"U1\",\"locale\":\"en-US\"}}";
                    case "views.open", "views.update" -> "{\"ok\":true,\"view\":{\"id\":\"V1\",\"hash\":\"h1\"}}";
                    default -> "{\"ok\":true}";
                };
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
            }
        });
        slack.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        BotConfig config = BotConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-0000000000-0000000000-socketmodetest",
                "SLACK_APP_TOKEN", "xapp-1-A0TEST-0000000000-socketmodetesttoken", "SLACK_API_URL", slack.url("/api/").toString(),
                "PORT", String.valueOf(port)));
        ExecutorService work = Executors.newFixedThreadPool(2);
        NcpBackend ncp = NcpBackend.open(config.ncp(), Clock.systemUTC(), SimulatorSettings.defaults());
        Bot bot = BotWiring.build(config, Clock.systemUTC(), ncp, Storage.inMemory(), work);
        try {
            bot.start();

            String ack = fromBot.poll(20, TimeUnit.SECONDS);

            assertThat(ack).isNotNull().contains("\"envelope_id\":\"env-1\"");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!webApi.contains("views.update") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(webApi).contains("apps.connections.open", "views.open", "views.update");
        } finally {
            bot.close();
            work.shutdownNow();
            try {
                slack.shutdown();
            } catch (java.io.IOException e) {
                // MockWebServer gives up waiting for an open WebSocket to close; the test is over anyway
            }
        }
    }

    private static String envelope() {
        return "{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,\"payload\":{"
                + "\"token\":\"x\",\"team_id\":\"T0TEST\",\"team_domain\":\"test\",\"channel_id\":\"C1\",\"channel_name\":\"ops\","
                + "\"user_id\":\"U1\",\"user_name\":\"alice\",\"command\":\"/kafka\",\"text\":\"restart demo-kafka\","
                + "\"api_app_id\":\"A0TEST\",\"response_url\":\"https://hooks.slack.com/commands/x\",\"trigger_id\":\"1.2.3\"}}";
    }
}

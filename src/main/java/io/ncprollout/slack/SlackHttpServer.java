package io.ncprollout.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Slack's requests at {@code /slack/events} on the JDK's HTTP server, handed to Bolt after the
 * checks Bolt leaves out. Bolt verifies the signature but accepts timestamps from the future; this adapter
 * refuses any timestamp more than 5 minutes away from our clock, refuses bodies over 1 MiB, and answers
 * 4xx, never 5xx, for a request it cannot parse.
 */
public final class SlackHttpServer implements AutoCloseable {
    public static final String PATH = "/slack/events";
    static final int MAX_BODY = 1 << 20;
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(SlackHttpServer.class);

    private final HttpServer server;
    private final App app;
    private final SlackRequestParser parser;
    private final Clock clock;

    private SlackHttpServer(HttpServer server, App app, Clock clock) {
        this.server = server;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.clock = clock;
    }

    /**
     * Binds {@code port} (0 for any free port) on all interfaces and starts serving.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static SlackHttpServer start(App app, int port, ExecutorService executor, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
            SlackHttpServer adapter = new SlackHttpServer(server, app, clock);
            server.createContext(PATH, adapter::handle);
            server.setExecutor(executor);
            server.start();
            return adapter;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Lets {@code register} add more contexts (such as {@code /healthz} and {@code /metrics}) to the same server. */
    public void addContexts(Consumer<HttpServer> register) {
        register.accept(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":\"use POST\"}");
                return;
            }
            byte[] raw = readLimited(exchange.getRequestBody());
            if (raw == null) {
                // read (a bounded amount of) the rest first: closing while the client still sends resets the
                // connection, and the client would see a reset instead of the 413
                drain(exchange.getRequestBody());
                send(exchange, 413, "{\"error\":\"request body too large\"}");
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            if (!timestampFresh(headers)) {
                send(exchange, 401, "{\"error\":\"invalid request\"}");
                return;
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            Response response = dispatch(exchange, headers, body);
            exchange.getResponseHeaders().set("Content-Type",
                    response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType());
            send(exchange, response.getStatusCode(), response.getBody() == null ? "" : response.getBody());
        } catch (RuntimeException e) {
            log.error("request to {} failed", PATH, e);
        }
    }

    private Response dispatch(HttpExchange exchange, Map<String, List<String>> headers, String body) {
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(QueryStringParser.toMap(exchange.getRequestURI().getRawQuery()))
                    .headers(new RequestHeaders(headers)).requestBody(body)
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress()).build());
        } catch (RuntimeException e) {
            log.info("unparseable Slack request: {}", e.toString());
            return Response.builder().statusCode(400).body("{\"error\":\"malformed request\"}").build();
        }
        if (request == null) {
            return Response.builder().statusCode(400).body("{\"error\":\"malformed request\"}").build();
        }
        try {
            return app.run(request);
        } catch (Exception e) {
            // Bolt reports a listener's exception as 500; a malformed payload is the usual cause, so say 400.
            log.warn("Slack request rejected: {}", e.toString());
            return Response.builder().statusCode(400).body("{\"error\":\"request could not be handled\"}").build();
        }
    }

    /** Bolt rejects only old timestamps; a timestamp far in the future is as replayable and is refused too. */
    private boolean timestampFresh(Map<String, List<String>> headers) {
        List<String> values = headers.get("X-Slack-Request-Timestamp");
        if (values == null || values.isEmpty()) {
            return true; // Bolt's signature check refuses the request without it
        }
        try {
            long seconds = Long.parseLong(values.get(0).trim());
            long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
            return skew <= MAX_SKEW.getSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_BODY + 1);
        return data.length > MAX_BODY ? null : data;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = 16L * MAX_BODY;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
    }
}

package io.ncprollout.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP shell: applies the gateway's rules, then hands the call to its route.
 *
 * <ol>
 *   <li>Sleep for the latency fault.</li>
 *   <li>Authenticate ({@link GatewayAuth}) → HTTP 401, errorCode 200, with {@code details}.</li>
 *   <li>Route ({@link Router}) → HTTP 404, errorCode 300, for an unknown path or a wrong method.</li>
 *   <li>Throttle fault → HTTP 429, errorCode 410; read-failure fault (reads only) → HTTP 503, errorCode 500.</li>
 *   <li>Parse the JSON body of a POST (empty = {@code {}}) → HTTP 400, errorCode 100, when it is not a JSON object.</li>
 *   <li>Run the handler and write its {@link Reply} as the envelope with HTTP 200; an unexpected
 *       exception becomes HTTP 500, errorCode 900.</li>
 * </ol>
 * Logs one debug line per call (method, path, status) and never a header.
 */
final class GatewayHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(GatewayHandler.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayAuth auth;
    private final Router router;
    private final Clock clock;
    private final SimulatorFaults faults;
    private final Random random;
    private final SimulatorJournal journal;

    GatewayHandler(GatewayAuth auth, Router router, Clock clock, SimulatorFaults faults, long seed, SimulatorJournal journal) {
        this.journal = journal;
        this.auth = auth;
        this.router = router;
        this.clock = clock;
        this.faults = faults;
        this.random = new Random(seed);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            int status = serve(exchange, method, uri);
            journal.record(method, uri.getRawPath(), status);
            log.debug("{} {} -> {}", method, uri.getRawPath(), status);
        }
    }

    private int serve(HttpExchange exchange, String method, URI uri) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        try {
            pause(faults.latency());
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Optional<String> denied = auth.check(method, target, exchange.getRequestHeaders()::getFirst, clock.instant());
            if (denied.isPresent()) {
                return gatewayError(exchange, 401, "200", "Authentication Failed", denied.get());
            }
            Optional<Router.Match> match = router.resolve(method, uri.getRawPath());
            if (match.isEmpty()) {
                return gatewayError(exchange, 404, "300", "Not Found Exception", null);
            }
            Route route = match.get().route();
            if (draw() < faults.throttleRate()) {
                return gatewayError(exchange, 429, "410", "Throttle Limited", null);
            }
            if (route.read() && draw() < faults.readFailureRate()) {
                return gatewayError(exchange, 503, "500", "Endpoint Error", null);
            }
            ObjectNode json = JSON.createObjectNode();
            if (route.readsBody() && body.length > 0) {
                Optional<ObjectNode> parsed = parseObject(body);
                if (parsed.isEmpty()) {
                    return gatewayError(exchange, 400, "100", "Bad Request Exception", null);
                }
                json = parsed.get();
            }
            Map<String, String> query;
            try {
                query = query(uri);
            } catch (IllegalArgumentException e) { // broken percent-encoding
                return gatewayError(exchange, 400, "100", "Bad Request Exception", null);
            }
            SimRequest request = new SimRequest(match.get().region(), match.get().pathParam(), query, json);
            return write(exchange, 200, envelope(route.handler().handle(request)));
        } catch (RuntimeException e) {
            log.warn("simulator failed on {} {}", method, uri.getRawPath(), e);
            return gatewayError(exchange, 500, "900", "Unexpected Error", null);
        }
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    private static ObjectNode envelope(Reply reply) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("code", reply.code());
        envelope.put("message", reply.message());
        envelope.set("result", reply.result());
        envelope.put("requestId", UUID.randomUUID().toString());
        return envelope;
    }

    private static int gatewayError(HttpExchange exchange, int status, String code, String message, @Nullable String details)
            throws IOException {
        ObjectNode error = JSON.createObjectNode();
        error.put("errorCode", code);
        error.put("message", message);
        if (details != null) {
            error.put("details", details);
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("error", error);
        return write(exchange, status, root);
    }

    private static int write(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    private static Optional<ObjectNode> parseObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) { // JsonProcessingException included
            return Optional.empty();
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        // bounded so that a hostile client cannot make the simulator buffer without limit
        return in.readNBytes(1 << 20);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.ncprollout.ncp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ncprollout.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scripted NCP gateway for client tests: a {@link MockWebServer}, a {@link MutableClock}, a sleeper
 * that records each delay and advances the clock instead of waiting, and {@link NcpClients} wired to
 * all three.
 */
final class NcpTestServer implements AutoCloseable {
    static final String ACCESS_KEY = "AKIDTESTACCESS0000001";
    static final String SECRET_KEY = "S3CR3T-distinctive-value-9f8e7d6c5b4a";

    final MockWebServer server = new MockWebServer();
    final MutableClock clock = MutableClock.at("2026-11-22T01:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();
    final NcpClients clients;

    NcpTestServer() {
        this(RetryPolicy.defaults(), Duration.ofSeconds(5));
    }

    NcpTestServer(RetryPolicy retryPolicy, Duration readTimeout) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String host = server.url("/").toString();
        Sleeper sleeper = delay -> {
            sleeps.add(delay);
            clock.advance(delay);
        };
        clients = NcpClients.create(new NcpClientSettings(ACCESS_KEY, SECRET_KEY, new NcpEndpoints(host, host), clock,
                retryPolicy, sleeper, Duration.ofSeconds(2), readTimeout));
    }

    static String fixture(String name) {
        try (InputStream in = NcpTestServer.class.getResourceAsStream("/fixtures/ncp/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enqueues a fixture as a JSON response with {@code status}. */
    NcpTestServer respond(int status, String fixtureName) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(fixture(fixtureName)));
        return this;
    }

    NcpTestServer respond(String fixtureName) {
        return respond(200, fixtureName);
    }

    NcpTestServer respond(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    RecordedRequest takeRequest() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).as("a request reached the server").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The recorded request body parsed as JSON. */
    static JsonNode jsonBody(RecordedRequest request) {
        try {
            return NcpJson.MAPPER.readTree(request.getBody().readUtf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        clients.close();
        server.shutdown();
    }
}

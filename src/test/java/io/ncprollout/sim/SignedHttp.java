package io.ncprollout.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ncprollout.ncp.NcpSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-side signed HTTP calls to the simulator, signing with {@link NcpSigner} at the test's clock.
 * Deliberately not the project's NCP client: the simulator is checked against the docs on its own.
 */
final class SignedHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: HTTP status and the parsed JSON body. */
    record Response(int status, JsonNode json) {
        JsonNode result() {
            return json.get("result");
        }

        int code() {
            return json.get("code").intValue();
        }

        String message() {
            return json.get("message").textValue();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final NcpSigner signer;
    private final Clock clock;

    SignedHttp(NcpSimulator simulator, Clock clock) {
        this.baseUrl = simulator.baseUrl();
        this.signer = new NcpSigner(simulator.accessKey(), simulator.secretKey());
        this.clock = clock;
    }

    Response get(String pathWithQuery) {
        return send("GET", pathWithQuery, null, signedHeaders("GET", pathWithQuery));
    }

    Response post(String path, String body) {
        return send("POST", path, body, signedHeaders("POST", path));
    }

    /** The three x-ncp headers for {@code method pathWithQuery}, signed now; callers may alter them. */
    Map<String, String> signedHeaders(String method, String pathWithQuery) {
        long now = clock.millis();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(NcpSigner.HEADER_ACCESS_KEY, signer.accessKey());
        headers.put(NcpSigner.HEADER_TIMESTAMP, Long.toString(now));
        headers.put(NcpSigner.HEADER_SIGNATURE, signer.sign(method, pathWithQuery, now));
        return headers;
    }

    Response send(String method, String pathWithQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathWithQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

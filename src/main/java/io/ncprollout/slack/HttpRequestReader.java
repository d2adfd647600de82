package io.ncprollout.slack;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Pure, incremental: one HTTP/1.1 request assembled from whatever bytes arrive, in any split. The HTTP adapter feeds
 * it as bytes come in and hands the request on only once it is whole, so a client that sends slowly costs a
 * buffer, not a thread. Bounded: headers up to {@code maxHeaderBytes} (431 beyond), a body up to {@code maxBody}
 * (413 beyond, said as soon as {@code Content-Length} announces it), and a body needs a {@code Content-Length}
 * (411 for chunked uploads, which Slack does not send).
 */
final class HttpRequestReader {
    /** Where the request stands after the bytes fed so far. */
    enum State { READING, COMPLETE, FAILED }

    /**
     * A whole request.
     *
     * @param method  {@code POST}, {@code GET}…
     * @param target  the request target as sent ({@code /slack/events?x=1})
     * @param headers every header, names case-insensitive
     * @param body    the raw body, exactly as received
     */
    record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {
        /** The path part of the target. */
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /** The query part of the target, without '?', or null. */
        @Nullable String rawQuery() {
            int q = target.indexOf('?');
            return q < 0 ? null : target.substring(q + 1);
        }

        /** The first value of header {@code name}, or null. */
        @Nullable String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final int maxHeaderBytes;
    private final int maxBody;
    private static final int END_OF_HEAD = ('\r' << 24) | ('\n' << 16) | ('\r' << 8) | '\n';

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private int last4;
    private State state = State.READING;
    private @Nullable Request request;
    private byte @Nullable [] body;
    private int bodyFilled;
    private int failureStatus;
    private String failureMessage = "";

    HttpRequestReader(int maxHeaderBytes, int maxBody) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBody = maxBody;
    }

    /** Consumes the readable bytes of {@code in} (all of them while reading; none once complete or failed). */
    State feed(ByteBuffer in) {
        while (state == State.READING && in.hasRemaining()) {
            if (body == null) {
                readHead(in);
            } else {
                int n = Math.min(in.remaining(), body.length - bodyFilled);
                in.get(body, bodyFilled, n);
                bodyFilled += n;
                if (bodyFilled == body.length) {
                    complete();
                }
            }
        }
        return state;
    }

    State state() {
        return state;
    }

    /** The request, once {@link State#COMPLETE}. */
    Request request() {
        return Objects.requireNonNull(request, "the request is not complete");
    }

    /** The status to answer with, once {@link State#FAILED}. */
    int failureStatus() {
        return failureStatus;
    }

    /** Why, in a few words, once {@link State#FAILED}. */
    String failureMessage() {
        return failureMessage;
    }

    private void readHead(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            head.write(b);
            last4 = (last4 << 8) | (b & 0xff);
            if (head.size() > maxHeaderBytes) {
                fail(431, "request headers too large");
                return;
            }
            if (endsWithBlankLine()) {
                parseHead();
                return;
            }
        }
    }

    /** The last four bytes of the head, one a byte: CR LF CR LF ends it. */
    private boolean endsWithBlankLine() {
        return last4 == END_OF_HEAD;
    }

    private void parseHead() {
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.") || requestLine[0].isEmpty() || !requestLine[1].startsWith("/")) {
            fail(400, "malformed request line");
            return;
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                fail(400, "malformed header");
                return;
            }
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        request = new Request(requestLine[0], requestLine[1], headers, new byte[0]);
        String encoding = request.header("Transfer-Encoding");
        if (encoding != null && !encoding.toLowerCase(Locale.ROOT).equals("identity")) {
            fail(411, "send a Content-Length");
            return;
        }
        String length = request.header("Content-Length");
        long bytes;
        try {
            bytes = length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            fail(400, "malformed Content-Length");
            return;
        }
        if (bytes < 0) {
            fail(400, "malformed Content-Length");
        } else if (bytes > maxBody) {
            fail(413, "request body too large");
        } else {
            body = new byte[(int) bytes];
            if (bytes == 0) {
                complete();
            }
        }
    }

    private void complete() {
        Request head = Objects.requireNonNull(request, "complete before the head was read");
        request = new Request(head.method(), head.target(), head.headers(), Objects.requireNonNull(body, "complete before the body was sized"));
        state = State.COMPLETE;
    }

    private void fail(int status, String message) {
        failureStatus = status;
        failureMessage = message;
        state = State.FAILED;
    }
}

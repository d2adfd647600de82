package io.ncprollout.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The incremental request reader: any split of the bytes gives the same request, and every bound has its status. */
class HttpRequestReaderTest {
    private static final String REQUEST = "POST /slack/events?a=1 HTTP/1.1\r\nHost: x\r\ncontent-length: 11\r\nX-Slack-Signature: v0=ab\r\n\r\n"
            + "text=hello!";

    @Test
    void feed_oneByteAtATime_assemblesTheWholeRequest() {
        HttpRequestReader reader = new HttpRequestReader(16 * 1024, 1024);
        HttpRequestReader.State state = HttpRequestReader.State.READING;

        for (byte b : REQUEST.getBytes(StandardCharsets.US_ASCII)) {
            assertThat(state).isEqualTo(HttpRequestReader.State.READING);
            state = reader.feed(ByteBuffer.wrap(new byte[] {b}));
        }

        assertThat(state).isEqualTo(HttpRequestReader.State.COMPLETE);
        HttpRequestReader.Request request = reader.request();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/slack/events");
        assertThat(request.rawQuery()).isEqualTo("a=1");
        assertThat(request.header("Content-Length")).isEqualTo("11");
        assertThat(request.header("x-slack-signature")).isEqualTo("v0=ab");
        assertThat(new String(request.body(), StandardCharsets.US_ASCII)).isEqualTo("text=hello!");
    }

    @Test
    void feed_noBody_isCompleteAtTheBlankLine() {
        assertThat(feed("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", 1024)).isEqualTo(HttpRequestReader.State.COMPLETE);
    }

    @Test
    void feed_partialHeaders_keepsReading() {
        assertThat(feed("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Le", 1024)).isEqualTo(HttpRequestReader.State.READING);
    }

    @Test
    void feed_announcedBodyTooLarge_failsWith413BeforeTheBodyArrives() {
        HttpRequestReader reader = new HttpRequestReader(16 * 1024, 10);

        reader.feed(ascii("POST /slack/events HTTP/1.1\r\nContent-Length: 11\r\n\r\n"));

        assertThat(reader.state()).isEqualTo(HttpRequestReader.State.FAILED);
        assertThat(reader.failureStatus()).isEqualTo(413);
    }

    @Test
    void feed_headersTooLarge_failsWith431() {
        HttpRequestReader reader = new HttpRequestReader(100, 10);

        reader.feed(ascii("POST /slack/events HTTP/1.1\r\nX-Padding: " + "x".repeat(200)));

        assertThat(reader.failureStatus()).isEqualTo(431);
    }

    @Test
    void feed_chunkedBody_failsWith411() {
        HttpRequestReader reader = new HttpRequestReader(1024, 1024);

        reader.feed(ascii("POST /slack/events HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"));

        assertThat(reader.failureStatus()).isEqualTo(411);
    }

    @Test
    void feed_garbage_failsWith400() {
        HttpRequestReader reader = new HttpRequestReader(1024, 1024);

        reader.feed(ascii("\u0016\u0003\u0001 hello\r\n\r\n"));

        assertThat(reader.failureStatus()).isEqualTo(400);
    }

    private static HttpRequestReader.State feed(String text, int maxBody) {
        return new HttpRequestReader(16 * 1024, maxBody).feed(ascii(text));
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}

package io.ncprollout.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Slack's requests at {@code /slack/events}, read without blocking and handed to Bolt only when whole
 * and signed. Slack gives up on a request after 3 seconds, so a few slow or hostile clients must never hold the
 * threads that answer it:
 *
 * <ol>
 *   <li>One selector thread accepts and reads every connection. A request (headers and body) must arrive within
 *       {@link #READ_TIMEOUT}, else it gets 408 and is closed; a slow client costs a buffer, never a worker.</li>
 *   <li>A whole request goes to the workers. At most {@value #MAX_IN_FLIGHT} wait or run at once; beyond that the
 *       answer is 503 with {@code Retry-After} (Slack retries events; a command is better refused than late).</li>
 *   <li>A worker checks the signature in constant time and the timestamp in both directions
 *       ({@link SlackRequestSignature}), then runs Bolt, which verifies again; the answer goes back through the
 *       selector thread, which writes it and closes the connection.</li>
 * </ol>
 *
 * Also: at most {@value #MAX_CONNECTIONS} open connections (more are closed at once), bodies up to 1 MiB (413), 4xx
 * and never 5xx for a request Bolt cannot parse, and nothing else on this port: {@code /healthz} and
 * {@code /metrics} are served on the management port, not to the internet.
 *
 * <p>Kept in one file on purpose: the selector loop, the connections' states and the hand-off to workers are one state
 * machine; the pure parts (reading a request, the fixed answers) are already their own classes.
 */
public final class SlackHttpServer implements AutoCloseable {
    public static final String PATH = "/slack/events";
    static final int MAX_BODY = 1 << 20;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Time for a client to send a whole request, headers and body. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Time for a client to take our answer. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_CONNECTIONS = 512;
    /** Requests waiting for or running on a worker; one more is answered 503. */
    public static final int MAX_IN_FLIGHT = 64;
    /** Workers of a server that owns its pool: Bolt's handlers only ack, so a few suffice. */
    static final int WORKERS = 8;
    private static final long TICK_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(SlackHttpServer.class);
    /** How often an unreachable Web API is said again while requests keep arriving. */
    static final java.time.Duration OUTAGE_WARN_EVERY = java.time.Duration.ofMinutes(5);
    private final OncePer outageWarnings = new OncePer(OUTAGE_WARN_EVERY, com.github.benmanes.caffeine.cache.Ticker.systemTicker());

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final App app;
    private final SlackRequestParser parser;
    private final @Nullable SlackRequestSignature signature;
    private final Clock clock;
    private final ExecutorService workers;
    private final boolean ownsWorkers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Runnable> answers = new ConcurrentLinkedQueue<>();
    private final List<Connection> connections = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
    private final Thread loop;
    private volatile boolean running = true;

    private SlackHttpServer(ServerSocketChannel listener, Selector selector, App app, ExecutorService workers, boolean ownsWorkers, Clock clock) {
        this.listener = listener;
        this.selector = selector;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        String secret = app.config().getSigningSecret();
        this.signature = secret == null || secret.isEmpty() ? null : new SlackRequestSignature(secret);
        this.clock = clock;
        this.workers = workers;
        this.ownsWorkers = ownsWorkers;
        this.loop = new Thread(this::run, "slack-http-io");
        this.loop.setDaemon(true);
    }

    /**
     * Binds {@code port} (0 for any free port) on all interfaces and serves with a pool of {@value #WORKERS} workers
     * that {@link #close()} shuts down.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static SlackHttpServer start(App app, int port, Clock clock) {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "slack-http-" + runnable.hashCode());
            thread.setDaemon(true);
            return thread;
        });
        try {
            return start(app, port, pool, true, clock);
        } catch (UncheckedIOException e) {
            pool.shutdownNow();
            throw e;
        }
    }

    /**
     * Binds {@code port} (0 for any free port) on all interfaces and serves, running Bolt on {@code workers}, which
     * the caller owns and shuts down.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static SlackHttpServer start(App app, int port, ExecutorService workers, Clock clock) {
        return start(app, port, workers, false, clock);
    }

    private static SlackHttpServer start(App app, int port, ExecutorService workers, boolean owns, Clock clock) {
        try {
            ServerSocketChannel listener = ServerSocketChannel.open();
            Selector selector = Selector.open();
            try {
                listener.bind(new InetSocketAddress(port), 128);
                listener.configureBlocking(false);
                listener.register(selector, SelectionKey.OP_ACCEPT);
            } catch (IOException e) {
                listener.close();
                selector.close();
                throw e;
            }
            SlackHttpServer server = new SlackHttpServer(listener, selector, app, workers, owns, clock);
            if (server.signature == null) {
                log.error("no signing secret is configured: every Slack request will be refused");
            }
            server.loop.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return listener.socket().getLocalPort();
    }

    private void run() {
        while (running) {
            try {
                selector.select(TICK_MILLIS);
                for (Runnable answer; (answer = answers.poll()) != null; ) {
                    answer.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handleKey(key);
                }
                selector.selectedKeys().clear();
                expire();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    log.error("the Slack HTTP loop failed; it goes on", e);
                }
            }
        }
    }

    private void handleKey(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
                return;
            }
            Connection c = (Connection) key.attachment();
            if (key.isReadable()) {
                c.read();
            }
            if (key.isValid() && key.isWritable()) {
                c.write();
            }
        } catch (CancelledKeyException e) {
            // closed meanwhile
        } catch (IOException e) {
            if (key.attachment() instanceof Connection c) {
                c.close();
            }
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel; (channel = listener.accept()) != null; ) {
            if (connections.size() >= MAX_CONNECTIONS) {
                log.warn("{} connections are open: one more refused", connections.size());
                channel.close();
                continue;
            }
            channel.configureBlocking(false);
            Connection c = new Connection(channel);
            c.key = channel.register(selector, SelectionKey.OP_READ, c);
            connections.add(c);
        }
    }

    /** Answers 408 to a request that did not arrive in time, and drops a client that does not take its answer. */
    private void expire() {
        long now = System.nanoTime();
        for (Connection c : List.copyOf(connections)) {
            if (now - c.deadline > 0) {
                if (c.phase == Phase.READING) {
                    c.respond(simple(408, "request not received in time"), false);
                } else if (c.phase != Phase.WORKING) {
                    c.close();
                }
            }
        }
    }

    private void dispatch(Connection c, HttpRequestReader.Request request) {
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            c.respond(busy(), false);
            return;
        }
        c.phase = Phase.WORKING;
        String remote = c.remoteAddress();
        try {
            workers.execute(() -> {
                byte[] answer;
                try {
                    answer = answer(request, remote);
                } catch (RuntimeException e) {
                    log.error("request to {} failed", PATH, e);
                    answer = simple(500, "internal error");
                } finally {
                    inFlight.decrementAndGet();
                }
                byte[] bytes = answer;
                answers.add(() -> c.respond(bytes, false));
                selector.wakeup();
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            c.respond(busy(), false);
        }
    }

    /** On a worker: what to answer to a whole request. */
    private byte[] answer(HttpRequestReader.Request request, String remote) {
        if (!request.path().equals(PATH)) {
            return simple(404, "not found");
        }
        if (!request.method().equals("POST")) {
            return simple(405, "use POST");
        }
        if (signature == null || !signature.verify(request.header("X-Slack-Request-Timestamp"), request.header("X-Slack-Signature"),
                request.body(), clock.instant())) {
            return simple(401, "invalid request");
        }
        Response response = dispatchToBolt(request, remote);
        String contentType = response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType();
        return HttpAnswers.of(response.getStatusCode(), contentType, response.getBody() == null ? "" : response.getBody(), List.of());
    }

    private Response dispatchToBolt(HttpRequestReader.Request http, String remote) {
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(http.path())
                    .queryString(QueryStringParser.toMap(http.rawQuery()))
                    .headers(new RequestHeaders(http.headers())).requestBody(new String(http.body(), StandardCharsets.UTF_8))
                    .remoteAddress(remote).build());
        } catch (RuntimeException e) {
            log.info("unparseable Slack request: {}", e.getClass().getSimpleName());
            return Response.builder().statusCode(400).body("{\"error\":\"malformed request\"}").build();
        }
        if (request == null) {
            return Response.builder().statusCode(400).body("{\"error\":\"malformed request\"}").build();
        }
        try {
            return app.run(request);
        } catch (Exception e) {
            Optional<Response> outage = SlackOutage.answer(request, e);
            if (outage.isPresent()) {
                // verified above, so acknowledged; said once a few minutes, without a stack trace per request
                if (outageWarnings.due("web-api")) {
                    log.warn("Slack's Web API cannot be reached ({}): requests are acknowledged, but the bot cannot answer in Slack"
                            + " until it is back (said once every {} min)", e.getCause() == null ? e.getMessage() : e.getCause().getMessage(),
                            OUTAGE_WARN_EVERY.toMinutes());
                }
                return outage.get();
            }
            // Bolt reports a listener's exception as 500; a malformed payload is the usual cause, so say 400.
            log.warn("Slack request rejected: {}", e.getClass().getSimpleName());
            return Response.builder().statusCode(400).body("{\"error\":\"request could not be handled\"}").build();
        }
    }

    private static byte[] simple(int status, String error) {
        return HttpAnswers.of(status, "application/json", "{\"error\":\"" + error + "\"}", List.of());
    }

    private static byte[] busy() {
        return HttpAnswers.of(503, "application/json", "{\"error\":\"busy, try again\"}", List.of("Retry-After: 1"));
    }

    /** What a connection is doing. */
    private enum Phase { READING, WORKING, WRITING, DRAINING }

    /** One client connection; touched by the selector thread only. */
    private final class Connection {
        private final SocketChannel channel;
        private final HttpRequestReader reader = new HttpRequestReader(MAX_HEADER_BYTES, MAX_BODY);
        private @Nullable SelectionKey key;
        private Phase phase = Phase.READING;
        private long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        private @Nullable ByteBuffer out;
        private boolean drainAfterWrite;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        /** Set right after the channel is registered with the selector, before any event of it. */
        private SelectionKey key() {
            return Objects.requireNonNull(key, "the connection is not registered");
        }

        String remoteAddress() {
            try {
                return channel.getRemoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "";
            } catch (IOException e) {
                return "";
            }
        }

        void read() throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                close();
                return;
            }
            if (phase != Phase.READING) {
                return; // draining, or a client that sends more than one request: ignored
            }
            readBuffer.flip();
            switch (reader.feed(readBuffer)) {
                case COMPLETE -> {
                    key().interestOps(0);
                    dispatch(this, reader.request());
                }
                // the client may still be sending (a 413): read and discard it after the answer, so that closing
                // does not reset the connection before the client has read the answer
                case FAILED -> respond(simple(reader.failureStatus(), reader.failureMessage()), true);
                case READING -> { }
            }
        }

        void respond(byte[] answer, boolean drain) {
            if (!channel.isOpen()) {
                return;
            }
            out = ByteBuffer.wrap(answer);
            phase = Phase.WRITING;
            drainAfterWrite = drain;
            deadline = System.nanoTime() + WRITE_TIMEOUT.toNanos();
            try {
                key().interestOps(SelectionKey.OP_WRITE | (drain ? SelectionKey.OP_READ : 0));
                write();
            } catch (IOException | CancelledKeyException e) {
                close();
            }
        }

        void write() throws IOException {
            if (out == null) {
                return;
            }
            channel.write(out);
            if (out.hasRemaining()) {
                return;
            }
            out = null;
            if (drainAfterWrite) {
                channel.shutdownOutput();
                phase = Phase.DRAINING;
                deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                key().interestOps(SelectionKey.OP_READ);
            } else {
                close();
            }
        }

        void close() {
            connections.remove(this);
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    /** Stops accepting, closes every connection, and shuts down the workers if this server created them. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : List.copyOf(connections)) {
            c.close();
        }
        try {
            listener.close();
            selector.close();
        } catch (IOException e) {
            log.warn("closing the Slack HTTP listener: {}", e.toString());
        }
        if (ownsWorkers) {
            workers.shutdownNow();
        }
    }
}

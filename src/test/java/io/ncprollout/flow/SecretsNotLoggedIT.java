package io.ncprollout.flow;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.OutputStreamAppender;
import io.ncprollout.ncp.NcpSigner;
import io.ncprollout.sim.SimulatorJournal;
import io.ncprollout.testing.BotHarness;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A whole restart, including a refused 429 edit, under the production logback.xml at {@code LOG_LEVEL=DEBUG} with
 * DEBUG logging of our code, OkHttp and the Slack SDK captured as text and as JSON lines: no configured secret, no
 * request signature (NCP's or Slack's {@code v0=}), no response_url and no trigger_id appears anywhere in it. Each
 * of those would let a log reader act as the bot or replay a user's request.
 */
class SecretsNotLoggedIT {
    private static final List<String> DEBUG_LOGGERS = List.of("io.ncprollout", "okhttp3", "com.slack.api", "org.apache.kafka");
    private static final String SASL_PASSWORD = "kafka-Sasl-pw-31415";
    private static final String OPENSEARCH_PASSWORD = "os-Basic-pw-27182";
    private static final Pattern BASE64_HMAC = Pattern.compile("[A-Za-z0-9+/]{43}=");
    private static final Pattern SLACK_SIGNATURE = Pattern.compile("v0=[0-9a-f]{64}");
    /** The harness's trigger ids ("1337.1.trigger") and response URLs (".../respond/cmd-1"). */
    private static final Pattern TRIGGER_ID = Pattern.compile("1337\\.\\d+\\.trigger");
    private static final Pattern RESPONSE_URL = Pattern.compile("/respond/[a-z]+-\\d+");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private final ByteArrayOutputStream json = new ByteArrayOutputStream();
    private final List<OutputStreamAppender<ILoggingEvent>> appenders = new ArrayList<>();
    private final Map<String, Level> levelsBefore = new java.util.HashMap<>();
    private BotHarness bot;

    @BeforeEach
    void setUp() throws Exception {
        // the production configuration, as LOG_LEVEL=DEBUG runs it (the build's own logback-test.xml is restored after)
        context.reset();
        context.putProperty("LOG_LEVEL", "DEBUG");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(SecretsNotLoggedIT.class.getResource("/logback.xml"));
        // its console appenders would print into the build output; the sinks below capture the same events
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender("text");
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender("json");
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%level %logger rollout=%X{rolloutId} %msg %ex%n");
        pattern.start();
        LogstashEncoder logstash = new LogstashEncoder();
        logstash.setContext(context);
        logstash.start();
        attach(text, pattern);
        attach(json, logstash);
        for (String name : DEBUG_LOGGERS) {
            // captured here only, not also by the build's console appender
            Logger logger = context.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            appenders.forEach(logger::addAppender);
        }
        bot = BotHarness.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        bot.close();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        appenders.forEach(root::detachAppender);
        levelsBefore.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            appenders.forEach(logger::detachAppender);
            logger.setAdditive(true);
            logger.setLevel(level);
        });
        appenders.forEach(OutputStreamAppender::stop);
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void restartFlow_atDebug_logsNoSecretAndNoSignature() throws Exception {
        // GIVEN the timestamps the client signs with (the clock moves only when the test says)
        Set<Long> signedAt = new LinkedHashSet<>();
        signedAt.add(bot.clock.millis());

        // WHEN a restart runs to completion, with one rate-limited edit and the rollout id in the MDC, and its
        // buttons are pressed (requests that carry a response_url and a trigger_id)
        bot.command("/kafka", "restart demo-kafka", "U1", "C1");
        bot.runWork();
        bot.submitConfirmation("demo-kafka", "patch", "U1");
        bot.runWork();
        String rolloutId = bot.storage.rollouts().active().get(0).id();
        bot.press("show-status", rolloutId, "U1", "C1");
        bot.runWork();
        bot.slack.rateLimit("chat.update", 1);
        for (int i = 0; i < 20; i++) {
            bot.poll(1);
            signedAt.add(bot.clock.millis());
        }

        // THEN the logs are there (so the scan means something) and hold none of the secrets
        String logs = text.toString(StandardCharsets.UTF_8) + json.toString(StandardCharsets.UTF_8);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("DEBUG io.ncprollout.ncp.NcpHttp").contains("rollout=");
        assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"rolloutId\":");
        List<String> secrets = List.of(BotHarness.BOT_TOKEN, BotHarness.SIGNING_SECRET,
                bot.simulator().secretKey(), bot.simulator().accessKey());
        for (String secret : secrets) {
            assertThat(logs).as("a configured secret").doesNotContain(secret);
        }
        List<String> signatures = signatures(signedAt);
        assertThat(signatures).isNotEmpty();
        for (String signature : signatures) {
            assertThat(logs).as("a request signature").doesNotContain(signature);
        }
        assertThat(BASE64_HMAC.matcher(logs).results().map(m -> m.group()).toList()).as("anything shaped like a signature").isEmpty();
        assertThat(SLACK_SIGNATURE.matcher(logs).results().map(m -> m.group()).toList()).as("a Slack request signature").isEmpty();
        assertThat(TRIGGER_ID.matcher(logs).results().map(m -> m.group()).toList()).as("a trigger_id").isEmpty();
        assertThat(RESPONSE_URL.matcher(logs).results().map(m -> m.group()).toList()).as("a response_url").isEmpty();
        assertThat(logs).as("a response_url, encoded").doesNotContain("%2Frespond%2F");
    }

    @Test
    void healthGates_atDebug_logNeitherTheSaslNorTheOpenSearchPassword(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // GIVEN gates with secrets: Kafka over SASL to a port where nothing listens, OpenSearch refusing the credentials
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (okhttp3.mockwebserver.MockWebServer search = new okhttp3.mockwebserver.MockWebServer()) {
            for (int i = 0; i < 10; i++) {
                search.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(401).setBody("{\"error\":\"unauthorized\"}"));
            }
            search.start();
            java.nio.file.Path rules = dir.resolve("rollout.yaml");
            java.nio.file.Files.writeString(rules, """
                    health:
                      kafka:
                        - clusters: ["demo-kafka"]
                          bootstrap: "127.0.0.1:%d"
                          security: { protocol: SASL_PLAINTEXT, mechanism: PLAIN, username_env: GATE_KAFKA_USER, password_env: GATE_KAFKA_PASSWORD }
                          timeout: 2s
                      opensearch:
                        - clusters: ["demo-search"]
                          endpoint: "http://127.0.0.1:%d"
                          username_env: GATE_OS_USER
                          password_env: GATE_OS_PASSWORD
                          timeout: 2s
                    """.formatted(closed, search.getPort()));
            bot.close();
            bot = BotHarness.withEnv(Map.of("ROLLOUT_CONFIG", rules.toString(), "GATE_KAFKA_USER", "gate", "GATE_KAFKA_PASSWORD", SASL_PASSWORD,
                    "GATE_OS_USER", "gate", "GATE_OS_PASSWORD", OPENSEARCH_PASSWORD));

            // WHEN both gates are asked: the modals, the status, and a start refused by the gate
            bot.command("/kafka", "restart demo-kafka", "U1", "C1");
            bot.runWork();
            bot.command("/kafka", "status demo-kafka", "U1", "C1");
            bot.runWork();
            bot.command("/opensearch", "upgrade demo-search", "U1", "C1");
            bot.runWork();
            bot.command("/opensearch", "status demo-search", "U1", "C1");
            bot.runWork();

            // THEN they were asked (so the scan means something), and the logs hold neither password, nor the basic header
            assertThat(search.getRequestCount()).isGreaterThanOrEqualTo(2);
            assertThat(search.takeRequest().getHeader("Authorization")).isEqualTo(okhttp3.Credentials.basic("gate", OPENSEARCH_PASSWORD));
            String logs = text.toString(StandardCharsets.UTF_8) + json.toString(StandardCharsets.UTF_8);
            assertThat(logs).contains("health gate of demo-kafka: cannot look").contains("health gate of demo-search: cannot look");
            assertThat(logs).as("the SASL password").doesNotContain(SASL_PASSWORD);
            assertThat(logs).as("the OpenSearch password").doesNotContain(OPENSEARCH_PASSWORD);
            assertThat(logs).as("the basic Authorization header").doesNotContain(okhttp3.Credentials.basic("gate", OPENSEARCH_PASSWORD).substring(6));
            assertThat(String.join("\n", bot.slack.calls.stream().map(Object::toString).toList())).as("what Slack was sent")
                    .doesNotContain(SASL_PASSWORD).doesNotContain(OPENSEARCH_PASSWORD);
        }
    }

    /** Every x-ncp-apigw-signature-v2 the client can have sent: each journalled request at each signing time. */
    private List<String> signatures(Set<Long> signedAt) {
        NcpSigner signer = new NcpSigner(bot.simulator().accessKey(), bot.simulator().secretKey());
        List<String> all = new ArrayList<>();
        for (SimulatorJournal.Entry entry : bot.simulator().journal().entries()) {
            for (long millis : signedAt) {
                all.add(signer.sign(entry.method(), entry.path(), millis));
            }
        }
        return all;
    }

    private void attach(ByteArrayOutputStream sink, ch.qos.logback.core.encoder.Encoder<ILoggingEvent> encoder) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(sink);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        appenders.add(appender);
    }
}

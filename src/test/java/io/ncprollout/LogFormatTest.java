package io.ncprollout;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The production logback.xml: LOG_FORMAT picks readable text (default) or JSON lines, both on stderr, both with rolloutId. */
class LogFormatTest {
    @Test
    void logFormatJson_writesOneJsonObjectPerLineWithTheRolloutId() throws Exception {
        String err = logOneLine("json");

        assertThat(err).startsWith("{").endsWith("}\n").contains("\"message\":\"rollout started\"")
                .contains("\"rolloutId\":\"op-42\"").contains("\"level\":\"INFO\"");
    }

    @Test
    void logFormatUnset_writesTheReadablePatternWithTheRolloutId() throws Exception {
        String err = logOneLine(null);

        assertThat(err).contains("INFO").contains("rollout=op-42 - rollout started").doesNotStartWith("{");
    }

    private static String logOneLine(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        context.setMDCAdapter(mdc);
        if (format != null) {
            context.putProperty("LOG_FORMAT", format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL config = LogFormatTest.class.getResource("/logback.xml");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            configurator.doConfigure(config);
            Logger log = context.getLogger("io.ncprollout.Test");
            mdc.put("rolloutId", "op-42");
            log.info("rollout started");
        } finally {
            System.setErr(original);
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}

package io.ncprollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ncprollout.rollout.audit.AuditEvent;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AuditLinesTest {
    private static final AuditEvent DENIED = new AuditEvent(Instant.parse("2026-11-22T10:00:01Z"), "U0MALLORY", "request",
            Optional.of(StoredRollouts.ORDERS), "denied", "not allowed: \"restart\"\non orders-prod");

    @Test
    void json_withCluster_isOneLineWithEveryField() {
        assertThat(AuditLines.json(DENIED)).isEqualTo("{\"at\":\"2026-11-22T10:00:01Z\",\"actor\":\"U0MALLORY\",\"action\":\"request\","
                + "\"cluster\":{\"service\":\"kafka\",\"number\":\"1001\",\"name\":\"orders-prod\",\"region\":\"KR\"},"
                + "\"outcome\":\"denied\",\"detail\":\"not allowed: \\\"restart\\\"\\non orders-prod\"}");
    }

    @Test
    void json_withoutCluster_leavesItOut() {
        AuditEvent event = new AuditEvent(Instant.parse("2026-11-22T10:00:01Z"), "bot", "freeze", Optional.empty(), "done", "");

        assertThat(AuditLines.json(event)).doesNotContain("cluster");
    }

    @Test
    void record_writesTheLineToTheAuditLogger() {
        Logger audit = (Logger) LoggerFactory.getLogger("audit");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level was = audit.getLevel();
        audit.setLevel(Level.INFO);
        audit.addAppender(lines);
        try {
            new InMemoryAuditLog().record(DENIED);
        } finally {
            audit.detachAppender(lines);
            audit.setLevel(was);
        }

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(AuditLines.json(DENIED));
    }
}

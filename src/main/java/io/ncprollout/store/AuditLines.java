package io.ncprollout.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ncprollout.rollout.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each audit event as one JSON line at INFO to the SLF4J logger named {@code audit}. */
final class AuditLines {
    private static final Logger audit = LoggerFactory.getLogger("audit");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditLines() {
    }

    static void log(AuditEvent event) {
        audit.info("{}", json(event));
    }

    /** One line of JSON: {@code at, actor, action, cluster{service,number,name,region}?, outcome, detail}. */
    static String json(AuditEvent event) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("at", event.at().toString());
        line.put("actor", event.actor());
        line.put("action", event.action());
        event.cluster().ifPresent(c -> line.putObject("cluster").put("service", c.product().command())
                .put("number", c.number()).put("name", c.name()).put("region", c.region()));
        line.put("outcome", event.outcome());
        line.put("detail", event.detail());
        return line.toString();
    }
}

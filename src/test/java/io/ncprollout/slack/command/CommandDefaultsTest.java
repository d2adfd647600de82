package io.ncprollout.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aliases expand for one cluster and for each name of a fleet's list; globs and names stay as typed. */
class CommandDefaultsTest {
    private final CommandDefaults defaults = new CommandDefaults("KR", Map.of(), Map.of("orders", "orders-prod", "pay", "payments-prod"), false);

    @Test
    void aliases_expandAloneAndInAList() {
        assertThat(defaults.cluster("ORDERS")).isEqualTo("orders-prod");
        assertThat(defaults.cluster("orders,pay, audit-log")).isEqualTo("orders-prod,payments-prod,audit-log");
        assertThat(defaults.cluster("orders-*")).isEqualTo("orders-*");
        assertThat(defaults.cluster("--all")).isEqualTo("--all");
    }
}

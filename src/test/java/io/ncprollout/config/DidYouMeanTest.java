package io.ncprollout.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> KEYS = List.of("permissions", "read", "approvals", "admins", "aliases", "regions");
    private static final List<String> COMMANDS = List.of("list", "status", "restart", "upgrade", "restart-cmak", "history",
            "freeze", "unfreeze", "abandon", "help");

    @Test
    void closest_typos_findTheWordMeant() {
        assertThat(DidYouMean.closest("alias", KEYS)).contains("aliases");
        assertThat(DidYouMean.closest("permisions", KEYS)).contains("permissions");
        assertThat(DidYouMean.closest("admin", KEYS)).contains("admins");
        assertThat(DidYouMean.closest("restat", COMMANDS)).contains("restart");
        assertThat(DidYouMean.closest("stauts", COMMANDS)).contains("status");
        assertThat(DidYouMean.closest("hist", COMMANDS)).contains("history");
    }

    @Test
    void closest_otherWords_haveNoSuggestion() {
        assertThat(DidYouMean.closest("colour", KEYS)).isEmpty();
        assertThat(DidYouMean.closest("deploy", COMMANDS)).isEmpty();
        assertThat(DidYouMean.closest("", COMMANDS)).isEmpty();
    }
}

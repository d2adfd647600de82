package io.ncprollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RolloutConfigFileTest {
    private static final String FULL = """
            permissions:
              - services: [kafka, opensearch]
                actions: [restart, upgrade, restart-cmak]
                clusters: ["orders-*"]
                channels: ["*"]
                users: [U012ABCDEF]
                usergroups: [S0SREGROUP]
            read:
              users: ["*"]
            approvals:
              - clusters: ["*-prod"]
                approvers: { usergroups: [S0SREGROUP] }
                expires: 30m
            admins: [U012ABCDEF]
            aliases:
              orders: orders-prod
            regions:
              C0123456789: sgn
            """;

    @Test
    void parse_theDesignExample_readsEverySection() {
        RolloutConfigFile file = RolloutConfigFile.parse(FULL, "rollout.yaml");

        assertThat(file.permissions()).singleElement().satisfies(p -> {
            assertThat(p.services()).containsExactly("kafka", "opensearch");
            assertThat(p.principals().usergroups()).containsExactly("S0SREGROUP");
        });
        assertThat(file.read()).hasValueSatisfying(r -> assertThat(r.everyone()).isTrue());
        assertThat(file.approvals()).singleElement().satisfies(a -> assertThat(a.expires()).isEqualTo(Duration.ofMinutes(30)));
        assertThat(file.admins()).containsExactly("U012ABCDEF");
        assertThat(file.resolveAlias("orders")).isEqualTo("orders-prod");
        assertThat(file.resolveAlias("payments-prod")).isEqualTo("payments-prod");
        assertThat(file.regionOf("C0123456789")).contains("SGN");
        assertThat(file.regionOf("C999")).isEmpty();
    }

    @Test
    void parse_emptyDocument_isEmptyConfiguration() {
        assertThat(RolloutConfigFile.parse("  \n", "empty.yaml")).isEqualTo(RolloutConfigFile.empty());
    }

    @Test
    void parse_unknownKey_namesItsLineAndTheKeyMeant() {
        String yaml = "aliases:\n  orders: orders-prod\npermisions:\n  - services: [kafka]\n";

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "rollout.yaml"))
                .hasMessage("rollout.yaml:3: unknown key 'permisions' — did you mean 'permissions'?");
    }

    @Test
    void parse_everyUnknownKey_isReportedWithItsLine() {
        String yaml = """
                alias:
                  orders: orders-prod
                permissions:
                  - services: [kafka]
                    actions: [restart]
                    clusters: ["*"]
                    user: [U012ABCDEF]
                admin: [U012ABCDEF]
                colour: blue
                """;

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "rollout.yaml"))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "rollout.yaml:1: unknown key 'alias' — did you mean 'aliases'?",
                        "rollout.yaml:4: permissions[0]: name at least one user or user group",
                        "rollout.yaml:7: unknown key 'user' in permissions[0] — did you mean 'users'?",
                        "rollout.yaml:8: unknown key 'admin' — did you mean 'admins'?",
                        "rollout.yaml:9: unknown key 'colour' (known here: permissions, read, approvals, admins, aliases, regions, fleets, health, windows)"));
    }

    @Test
    void parse_wrongShapes_sayWhatBelongsThere_withoutJavaClassNames() {
        String yaml = """
                permissions:
                  services: [kafka]
                admins: U012ABCDEF
                read:
                  users: { everyone: true }
                """;

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "rollout.yaml"))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "rollout.yaml:2: permissions should be a list ([a, b] or lines starting with '- '), not a mapping",
                        "rollout.yaml:3: admins should be a list ([a, b] or lines starting with '- '), not a single value",
                        "rollout.yaml:5: read.users should be a list ([a, b] or lines starting with '- '), not a mapping"))
                .message().doesNotContain("io.ncprollout", "Cannot construct", "ConfigShapes");
    }

    @Test
    void parse_brokenYaml_namesTheLine() {
        assertThatThrownBy(() -> RolloutConfigFile.parse("read:\n  users: [\"*\"\naliases: {\n", "rollout.yaml"))
                .hasMessageStartingWith("rollout.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void parse_badValues_nameTheirLines() {
        String yaml = "aliases:\n  orders: orders-prod\nadmins: [alice]\n";

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "rollout.yaml"))
                .hasMessage("rollout.yaml:3: admins: 'alice' is not a Slack user id (U… or W…)");
    }

    @Test
    void load_missingFile_saysWhy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> RolloutConfigFile.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageEndingWith("nope.yaml: cannot be read: no such file");
    }

    @Test
    void parse_badValues_areAllReported() {
        String yaml = """
                permissions:
                  - services: [kafka, redis]
                    actions: [reboot]
                    clusters: ["*"]
                    users: [alice]
                regions:
                  C0123456789: MARS
                approvals:
                  - clusters: ["*"]
                    approvers: { users: [U1ABC] }
                    expires: soon
                """;

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "rollout.yaml"))
                .hasMessageContaining("permissions[0].services: 'redis' is not one of [kafka, opensearch]")
                .hasMessageContaining("permissions[0].actions: 'reboot'")
                .hasMessageContaining("'alice' is not a Slack user id")
                .hasMessageContaining("regions.C0123456789: 'MARS' is not a region")
                .hasMessageContaining("approvals[0].expires:");
    }

    @Test
    void parse_ruleWithoutPrincipals_isRefused() {
        String yaml = "permissions:\n  - services: [kafka]\n    actions: [restart]\n    clusters: ['*']\n";

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "f")).hasMessageContaining("name at least one user or user group");
    }

    @Test
    void parse_readChannels_areChannelIdsOrEveryChannelByDefault() {
        assertThat(RolloutConfigFile.parse("read:\n  users: [\"*\"]\n  channels: [C0123OPS]\n", "t.yaml").readChannels()).containsExactly("C0123OPS");
        assertThat(RolloutConfigFile.parse("read:\n  users: [\"*\"]\n", "t.yaml").readChannels()).containsExactly("*");
        assertThat(RolloutConfigFile.empty().readChannels()).containsExactly("*");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RolloutConfigFile.parse("read:\n  channels: [ops]\n", "t.yaml"))
                .hasMessageContaining("read.channels: 'ops' is not a channel id");
    }
}

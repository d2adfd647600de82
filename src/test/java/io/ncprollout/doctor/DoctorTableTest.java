package io.ncprollout.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorTableTest {
    @Test
    void render_padsColumnsToTheWidestCellAndKeepsLineBreaks() {
        List<CheckResult> results = List.of(
                CheckResult.ok("store", "writable"),
                CheckResult.fail("slack token", "refused:\n invalid_auth", "reinstall"));

        String table = DoctorTable.render(results);

        assertThat(table).isEqualTo("""
                CHECK        STATUS  DETAIL                                                                FIX
                store        OK      writable
                slack token  FAIL    refused:                                                              reinstall
                                     invalid_auth
                """);
    }

    @Test
    void render_longDetailAndFix_wrapWithin100Columns() {
        String detail = "NCP_ACCESS_KEY and NCP_SECRET_KEY are not set: the embedded simulator serves every cluster "
                + "and every message says so; nothing real is touched by anything the bot does";
        String fix = "set both keys (an API key of a sub account with CDSS/SES permissions) to work on real clusters";

        String table = DoctorTable.render(List.of(CheckResult.warn("ncp keys", detail, fix),
                CheckResult.fail("config file", "/etc/rollout.yaml:1: unknown key 'alias' — did you mean 'aliases'?\n"
                        + "/etc/rollout.yaml:3: admins: 'alice' is not a Slack user id (U… or W…)", "fix the file")));

        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(String.join(" ", table.lines().map(String::strip).toList()).replaceAll("\\s+", " "))
                .contains("the embedded simulator serves").contains("permissions) to");
        assertThat(table).contains("/etc/rollout.yaml:3: admins: 'alice'");
    }

    @Test
    void healthy_warnsOnly_isTrue_aFail_isFalse() {
        assertThat(DoctorTable.healthy(List.of(CheckResult.warn("a", "b", "c"), CheckResult.ok("d", "e")))).isTrue();
        assertThat(DoctorTable.healthy(List.of(CheckResult.warn("a", "b", "c"), CheckResult.fail("d", "e", "f")))).isFalse();
    }
}

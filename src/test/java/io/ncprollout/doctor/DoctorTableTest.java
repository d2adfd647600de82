package io.ncprollout.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorTableTest {
    @Test
    void render_padsColumnsToTheWidestCellAndFlattensLineBreaks() {
        List<CheckResult> results = List.of(
                CheckResult.ok("store", "writable"),
                CheckResult.fail("slack token", "refused:\n invalid_auth", "reinstall"));

        String table = DoctorTable.render(results);

        assertThat(table).isEqualTo("""
                CHECK        STATUS  DETAIL                  FIX
                store        OK      writable
                slack token  FAIL    refused:; invalid_auth  reinstall
                """);
    }

    @Test
    void healthy_warnsOnly_isTrue_aFail_isFalse() {
        assertThat(DoctorTable.healthy(List.of(CheckResult.warn("a", "b", "c"), CheckResult.ok("d", "e")))).isTrue();
        assertThat(DoctorTable.healthy(List.of(CheckResult.warn("a", "b", "c"), CheckResult.fail("d", "e", "f")))).isFalse();
    }
}

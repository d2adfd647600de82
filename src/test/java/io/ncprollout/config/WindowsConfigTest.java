package io.ncprollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ncprollout.rollout.schedule.MaintenanceWindow;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsConfigTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void theDesignExample_readsTheWindow_andRestrictsProdOnly() {
        String yaml = """
                windows:                     # when starts are allowed, per cluster glob
                  - clusters: ["*-prod"]
                    days: [mon, tue, wed, thu, fri]
                    from: "01:00"
                    to: "05:00"
                    zone: Asia/Seoul
                """;

        RolloutConfigFile file = RolloutConfigFile.parse(yaml, "rollout.yaml");

        assertThat(file.windows()).containsExactly(new MaintenanceWindow(List.of("*-prod"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(1, 0), LocalTime.of(5, 0), SEOUL));
        // 2026-12-01 is a Tuesday
        assertThat(file.maintenanceWindows().allows("orders-prod", LocalDateTime.parse("2026-12-01T02:00").atZone(SEOUL).toInstant())).isTrue();
        assertThat(file.maintenanceWindows().allows("orders-prod", LocalDateTime.parse("2026-12-01T06:00").atZone(SEOUL).toInstant())).isFalse();
        assertThat(file.maintenanceWindows().allows("orders-stage", LocalDateTime.parse("2026-12-01T06:00").atZone(SEOUL).toInstant())).isTrue();
    }

    @Test
    void noSection_noWindows() {
        assertThat(RolloutConfigFile.parse("admins: [U012ABCDEF]\n", "rollout.yaml").windows()).isEmpty();
        assertThat(RolloutConfigFile.empty().maintenanceWindows().isEmpty()).isTrue();
    }

    @Test
    void missingDaysAndZone_areEveryDayInSeoul_fullDayNamesKstAndUnquotedTimesAreRead() {
        String yaml = """
                windows:
                  - clusters: ["orders-*"]
                    from: 22:00
                    to: 02:00
                  - clusters: [search-prod]
                    days: [Saturday, SUN]
                    from: "00:00"
                    to: "24:00"
                    zone: kst
                  - clusters: [logs]
                    from: "21:30"
                    to: "24:00"
                    zone: UTC
                """;

        List<MaintenanceWindow> windows = RolloutConfigFile.parse(yaml, "rollout.yaml").windows();

        assertThat(windows.get(0)).isEqualTo(new MaintenanceWindow(List.of("orders-*"), EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(22, 0), LocalTime.of(2, 0), SEOUL));
        assertThat(windows.get(1)).isEqualTo(new MaintenanceWindow(List.of("search-prod"), EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SEOUL));
        assertThat(windows.get(2).to()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(windows.get(2).zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void everyMistake_isNamedWithItsPlaceAndLine() {
        String yaml = """
                windows:
                  - days: [mon, mond]
                    from: "1:00"
                    to: "25:00"
                  - clusters: ["*-prod"]
                    days: []
                    from: "03:00"
                    to: "03:00"
                    zone: Asia/Seol
                  - clusters: ["x"]
                    from: "24:00"
                    zone: Mars/Olympus
                    form: "01:00"
                """;

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "rollout.yaml"))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "rollout.yaml:2: windows[0].clusters is missing or empty (globs on the cluster name: [\"*-prod\"])",
                        "rollout.yaml:2: windows[0].days: 'mond' is not a day (mon, tue, wed, thu, fri, sat, sun)",
                        "rollout.yaml:3: windows[0].from: '1:00' is not a time HH:MM (00:00-23:59)",
                        "rollout.yaml:4: windows[0].to: '25:00' is not a time HH:MM (00:00-23:59, or 24:00 for the end of the day)",
                        "rollout.yaml:5: windows[1]: from and to are both 03:00; a window needs a length (00:00 to 24:00 is the whole day)",
                        "rollout.yaml:6: windows[1].days is empty, so the window would never open: list its days, or leave days out for every day",
                        "rollout.yaml:9: windows[1].zone: 'Asia/Seol' is not a time zone — did you mean 'Asia/Seoul'?",
                        "rollout.yaml:10: windows[2].to is missing (a time HH:MM, 00:00-23:59, or 24:00 for the end of the day, in quotes: \"01:00\")",
                        "rollout.yaml:11: windows[2].from: '24:00' is not a time HH:MM (00:00-23:59)",
                        "rollout.yaml:12: windows[2].zone: 'Mars/Olympus' is not a time zone (KST, UTC, or a region id like Asia/Seoul)",
                        "rollout.yaml:13: unknown key 'form' in windows[2] — did you mean 'from'?"));
    }

    @Test
    void wrongShapes_areNamed() {
        String yaml = """
                windows:
                  clusters: ["*-prod"]
                """;

        assertThatThrownBy(() -> RolloutConfigFile.parse(yaml, "rollout.yaml"))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "rollout.yaml:2: windows should be a list ([a, b] or lines starting with '- '), not a mapping"));
    }
}

package io.ncprollout.rollout.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceWindowsTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    // 2026-12-01 is a Tuesday
    private static final MaintenanceWindows PROD_NIGHTS = new MaintenanceWindows(List.of(
            window(List.of("*-prod"), WEEKDAYS, "01:00", "05:00", SEOUL)));

    @Test
    void weekdayWindow_allowsTuesdayNight_refusesMorningAndWeekend() {
        assertThat(PROD_NIGHTS.governs("orders-prod")).isTrue();
        assertThat(PROD_NIGHTS.allows("orders-prod", seoul("2026-12-01T02:00"))).isTrue();
        assertThat(PROD_NIGHTS.allows("orders-prod", seoul("2026-12-01T01:00"))).as("from is inclusive").isTrue();
        assertThat(PROD_NIGHTS.allows("orders-prod", seoul("2026-12-01T05:00"))).as("to is exclusive").isFalse();
        assertThat(PROD_NIGHTS.allows("orders-prod", seoul("2026-12-01T06:00"))).isFalse();
        assertThat(PROD_NIGHTS.allows("orders-prod", seoul("2026-12-05T02:00"))).as("Saturday").isFalse();
    }

    @Test
    void aClusterNoWindowNames_isAlwaysAllowed() {
        assertThat(PROD_NIGHTS.governs("orders-stage")).isFalse();
        assertThat(PROD_NIGHTS.allows("orders-stage", seoul("2026-12-05T14:00"))).isTrue();
        assertThat(PROD_NIGHTS.next("orders-stage", seoul("2026-12-05T14:00"))).isEmpty();
        assertThat(MaintenanceWindows.none().allows("orders-prod", seoul("2026-12-05T14:00"))).isTrue();
    }

    @Test
    void globsMatchIgnoringCase() {
        assertThat(PROD_NIGHTS.allows("ORDERS-PROD", seoul("2026-12-01T06:00"))).isFalse();
    }

    @Test
    void midnightCrossingWindow_belongsToTheDayItOpensOn() {
        MaintenanceWindows fridayNight = new MaintenanceWindows(List.of(window(List.of("*"), EnumSet.of(FRIDAY), "22:00", "02:00", SEOUL)));

        assertThat(fridayNight.allows("a", seoul("2026-12-04T21:59"))).isFalse();
        assertThat(fridayNight.allows("a", seoul("2026-12-04T22:00"))).isTrue();
        assertThat(fridayNight.allows("a", seoul("2026-12-05T01:59"))).as("Saturday early, Friday's window").isTrue();
        assertThat(fridayNight.allows("a", seoul("2026-12-05T02:00"))).isFalse();
        assertThat(fridayNight.allows("a", seoul("2026-12-04T01:00"))).as("Friday early belongs to Thursday").isFalse();
        assertThat(fridayNight.allows("a", seoul("2026-12-05T22:30"))).as("Saturday night").isFalse();
    }

    @Test
    void toAtMidnight_closesAtTheEndOfTheDay_andFromEqualsTo_isAWholeDay() {
        MaintenanceWindows late = new MaintenanceWindows(List.of(window(List.of("*"), EnumSet.of(FRIDAY), "22:00", "00:00", SEOUL)));
        MaintenanceWindows allSunday = new MaintenanceWindows(List.of(window(List.of("*"), EnumSet.of(SUNDAY), "00:00", "00:00", SEOUL)));

        assertThat(late.allows("a", seoul("2026-12-04T23:59"))).isTrue();
        assertThat(late.allows("a", seoul("2026-12-05T00:00"))).isFalse();
        assertThat(allSunday.allows("a", seoul("2026-12-06T00:00"))).isTrue();
        assertThat(allSunday.allows("a", seoul("2026-12-06T23:59"))).isTrue();
        assertThat(allSunday.allows("a", seoul("2026-12-07T00:00"))).isFalse();
    }

    @Test
    void next_fromInsideAWindow_isTheRestOfIt() {
        assertThat(PROD_NIGHTS.next("orders-prod", seoul("2026-12-01T02:30")))
                .contains(new Opening(seoul("2026-12-01T02:30"), seoul("2026-12-01T05:00"), SEOUL));
    }

    @Test
    void next_beforeAWindow_isItsOpening_andAfterIt_theNextDays() {
        assertThat(PROD_NIGHTS.next("orders-prod", seoul("2026-12-01T00:10")))
                .contains(new Opening(seoul("2026-12-01T01:00"), seoul("2026-12-01T05:00"), SEOUL));
        assertThat(PROD_NIGHTS.next("orders-prod", seoul("2026-12-01T05:00")))
                .contains(new Opening(seoul("2026-12-02T01:00"), seoul("2026-12-02T05:00"), SEOUL));
    }

    @Test
    void next_overAWeekend_isMonday() {
        assertThat(PROD_NIGHTS.next("orders-prod", seoul("2026-12-04T09:00")))
                .contains(new Opening(seoul("2026-12-07T01:00"), seoul("2026-12-07T05:00"), SEOUL));
    }

    @Test
    void next_fromTheMorningAfterAMidnightCrossingOpening_isInsideIt() {
        MaintenanceWindows fridayNight = new MaintenanceWindows(List.of(window(List.of("*"), EnumSet.of(FRIDAY), "22:00", "02:00", SEOUL)));

        assertThat(fridayNight.next("a", seoul("2026-12-05T01:00")))
                .contains(new Opening(seoul("2026-12-05T01:00"), seoul("2026-12-05T02:00"), SEOUL));
        assertThat(fridayNight.next("a", seoul("2026-12-05T03:00")))
                .contains(new Opening(seoul("2026-12-11T22:00"), seoul("2026-12-12T02:00"), SEOUL));
    }

    @Test
    void twoWindowsForOneCluster_theEarliestNextWins_andEitherAllows() {
        MaintenanceWindows two = new MaintenanceWindows(List.of(
                window(List.of("orders-*"), EnumSet.of(SATURDAY), "10:00", "12:00", SEOUL),
                window(List.of("*-prod"), WEEKDAYS, "01:00", "05:00", SEOUL)));

        assertThat(two.next("orders-prod", seoul("2026-12-04T09:00")))
                .contains(new Opening(seoul("2026-12-05T10:00"), seoul("2026-12-05T12:00"), SEOUL));
        assertThat(two.next("orders-prod", seoul("2026-12-03T09:00")))
                .contains(new Opening(seoul("2026-12-04T01:00"), seoul("2026-12-04T05:00"), SEOUL));
        assertThat(two.allows("orders-prod", seoul("2026-12-05T11:00"))).isTrue();
        assertThat(two.allows("orders-prod", seoul("2026-12-03T03:00"))).isTrue();
        assertThat(two.allows("payments-prod", seoul("2026-12-05T11:00"))).as("only the weekday window names it").isFalse();
    }

    @Test
    void windowsInOtherZones_areReadInTheirOwnZone() {
        MaintenanceWindows utc = new MaintenanceWindows(List.of(window(List.of("*"), WEEKDAYS, "16:00", "20:00", ZoneId.of("UTC"))));

        // Friday 16:30 UTC is Saturday 01:30 in Seoul; Sunday 16:30 UTC is Monday 01:30 in Seoul
        assertThat(utc.allows("a", seoul("2026-12-05T01:30"))).isTrue();
        assertThat(utc.allows("a", seoul("2026-12-07T01:30"))).isFalse();
    }

    @Test
    void springGap_opensAtTheJump_andNeitherThrows() {
        // 2026-03-29 is the last Sunday of March: Berlin's clocks go from 02:00 CET to 03:00 CEST
        MaintenanceWindows berlin = new MaintenanceWindows(List.of(window(List.of("*"), EnumSet.of(SUNDAY), "02:30", "05:00", BERLIN)));
        Instant jump = Instant.parse("2026-03-29T01:00:00Z");

        assertThat(berlin.allows("a", jump.minusSeconds(1))).isFalse();
        assertThat(berlin.allows("a", jump)).isTrue();
        assertThat(berlin.next("a", Instant.parse("2026-03-28T12:00:00Z")))
                .contains(new Opening(jump, LocalDateTime.parse("2026-03-29T05:00").atZone(BERLIN).toInstant(), BERLIN));
    }

    @Test
    void aWindowWhollyInsideTheGap_doesNotOpenThatDay() {
        MaintenanceWindows skipped = new MaintenanceWindows(List.of(window(List.of("*"), EnumSet.of(SUNDAY), "02:15", "02:45", BERLIN)));

        assertThat(skipped.next("a", Instant.parse("2026-03-28T12:00:00Z")).map(Opening::from))
                .contains(LocalDateTime.parse("2026-04-05T02:15").atZone(BERLIN).toInstant());
    }

    @Test
    void autumnOverlap_opensAtTheFirstShowing_andClosesAtTheLast() {
        // 2026-10-25: Berlin's clocks go back from 03:00 CEST to 02:00 CET, so 02:00-03:00 is shown twice
        MaintenanceWindows berlin = new MaintenanceWindows(List.of(window(List.of("*"), EnumSet.of(SUNDAY), "02:30", "02:45", BERLIN)));

        Optional<Opening> opening = berlin.next("a", Instant.parse("2026-10-24T12:00:00Z"));

        assertThat(opening).contains(new Opening(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:45:00Z"), BERLIN));
        assertThat(berlin.allows("a", Instant.parse("2026-10-25T01:40:00Z"))).isTrue();
    }

    @Test
    void emptyDays_neverOpen() {
        MaintenanceWindows never = new MaintenanceWindows(List.of(window(List.of("*"), Set.of(), "01:00", "05:00", SEOUL)));

        assertThat(never.governs("a")).isTrue();
        assertThat(never.allows("a", seoul("2026-12-01T02:00"))).isFalse();
        assertThat(never.next("a", seoul("2026-12-01T02:00"))).isEmpty();
    }

    private static MaintenanceWindow window(List<String> clusters, Set<DayOfWeek> days, String from, String to, ZoneId zone) {
        return new MaintenanceWindow(clusters, days, LocalTime.parse(from), LocalTime.parse(to), zone);
    }

    private static Instant seoul(String local) {
        return LocalDateTime.parse(local).atZone(SEOUL).toInstant();
    }
}

package io.ncprollout.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ncprollout.rollout.access.PendingApproval;
import io.ncprollout.rollout.access.Refusal;
import io.ncprollout.rollout.cluster.Product;
import io.ncprollout.rollout.cluster.UnknownClusterException;
import io.ncprollout.rollout.operation.OperationKind;
import io.ncprollout.rollout.schedule.Opening;
import io.ncprollout.rollout.schedule.ScheduledRun;
import io.ncprollout.rollout.schedule.ScheduledTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RefusalsTest {
    private static final Instant SINCE = Instant.parse("2026-12-03T01:00:00Z");

    /** One of every kind of refusal; the first test fails when a new kind is added without a sample here. */
    private static final List<Refusal> EVERY_KIND = List.of(
            new Refusal.ReadOnly(),
            new Refusal.NotGranted(OperationKind.KAFKA_RESTART, "orders-prod"),
            new Refusal.NotAReader(),
            new Refusal.ChannelNotRead(),
            new Refusal.NotAnAdmin(),
            new Refusal.Frozen(Optional.of("orders-prod"), "U0ADMIN", SINCE, "quarter-end <close>"),
            new Refusal.UnknownRequest(),
            new Refusal.AlreadyDecided(PendingApproval.Status.APPROVED),
            new Refusal.RequestExpired(),
            new Refusal.OwnRequest(),
            new Refusal.NotAnApprover(),
            new Refusal.NotRequesterNorApprover(),
            new Refusal.DecidedMeanwhile(),
            new Refusal.FormAlreadySubmitted(),
            new Refusal.AlreadyApproved(),
            new Refusal.StoreUnavailable(),
            new Refusal.ClaimLost("orders-prod"),
            new Refusal.PrecheckFailed("broker 2 is <b>down</b>"),
            new Refusal.PrecheckNotRun("timeout"),
            new Refusal.GateFailed("orders-prod", io.ncprollout.rollout.health.GateReport.unreachable(io.ncprollout.rollout.health.GateReport.Gate.KAFKA,
                    "Kafka at <b1:9092> did not answer")),
            new Refusal.ChannelUnavailable("C0OPS", "not_in_channel"),
            new Refusal.BadTime(new ScheduledTime(SINCE, ZoneId.of("Asia/Seoul")), ScheduledTime.Timing.PAST),
            new Refusal.OutsideWindow("orders-prod", new ScheduledTime(SINCE, ZoneId.of("Asia/Seoul")),
                    Optional.of(new Opening(SINCE.plusSeconds(3600), SINCE.plusSeconds(4 * 3600), ZoneId.of("Asia/Seoul")))),
            new Refusal.UnknownSchedule(),
            new Refusal.NotYourSchedule(),
            new Refusal.ScheduleNotWaiting(ScheduledRun.State.STARTED));

    @Test
    void outsideWindow_namesTheTimeInItsZoneAndUtc_andTheNextWindow() {
        String said = Refusals.of(EVERY_KIND.get(EVERY_KIND.size() - 4), Locale.ENGLISH);

        assertThat(said).contains("Thu 2026-12-03 10:00 KST (Thu 2026-12-03 01:00 UTC) is outside the maintenance windows of *orders-prod*")
                .contains("The next window is Thu 2026-12-03 11:00 KST – 14:00");
    }

    @Test
    void samples_coverEveryKindOfRefusal() {
        Set<Class<?>> sampled = EVERY_KIND.stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(Arrays.asList(Refusal.class.getPermittedSubclasses()));
    }

    @Test
    void everyRefusal_isWordedInEnglishAndInKorean() {
        for (Refusal refusal : EVERY_KIND) {
            String english = Refusals.of(refusal, Locale.ENGLISH);
            String korean = Refusals.of(refusal, Locale.KOREAN);

            assertThat(english).as("%s in English", refusal).isNotBlank();
            assertThat(korean).as("%s in Korean", refusal).isNotBlank().isNotEqualTo(english)
                    .matches(s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL), "has Hangul");
        }
    }

    @Test
    void textOfUsersAndNcp_isEscapedInChat() {
        assertThat(Refusals.of(EVERY_KIND.get(5), Locale.ENGLISH)).contains("quarter-end &lt;close&gt;").doesNotContain("<close>");
        assertThat(Refusals.of(new Refusal.PrecheckFailed("broker 2 is <b>down</b>"), Locale.ENGLISH)).contains("&lt;b&gt;down");
    }

    @Test
    void frozen_namesTheAdminAndTheTimeAsSlackTokens() {
        String all = Refusals.of(new Refusal.Frozen(Optional.empty(), "U0ADMIN", SINCE, "audit"), Locale.ENGLISH);

        assertThat(all).contains("<@U0ADMIN>").contains("<!date^" + SINCE.getEpochSecond() + "^");
    }

    @Test
    void unknownCluster_suggestsTheClosestNames_orTheListCommand() {
        UnknownClusterException typo = new UnknownClusterException(Product.KAFKA, "demo-kafak", "KR", List.of("demo-kafka"));
        UnknownClusterException none = new UnknownClusterException(Product.OPENSEARCH, "nothing", "SGN", List.of());

        assertThat(Refusals.unknownCluster(typo, Locale.ENGLISH))
                .isEqualTo("There is no Kafka (CDSS) cluster named or numbered `demo-kafak` in KR. Did you mean `demo-kafka`?");
        assertThat(Refusals.unknownCluster(none, Locale.ENGLISH))
                .isEqualTo("There is no OpenSearch (SES) cluster named or numbered `nothing` in SGN. `/opensearch list` shows the clusters there.");
        assertThat(Refusals.unknownCluster(typo, Locale.KOREAN))
                .isEqualTo("KR 리전에 이름이나 번호가 `demo-kafak`인 Kafka (CDSS) 클러스터가 없습니다. `demo-kafka` 중 하나를 찾으셨나요?");
    }
}

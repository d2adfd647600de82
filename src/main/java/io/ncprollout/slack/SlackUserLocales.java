package io.ncprollout.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import io.ncprollout.slack.render.Texts;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language each Slack user reads, from {@code users.info} with {@code include_locale=true} (scope
 * {@code users:read}): a Korean Slack locale ({@code ko-KR}) gives {@link Locale#KOREAN}, anything else English.
 * The same call gives the user's Slack time zone ({@link #zoneOf}), for times typed with {@code --at}.
 * Cached per user (Slack users rarely change language); a failed lookup means English and is remembered for
 * {@link #RETRY_FAILED_AFTER} only, so a bot without {@code users:read} (or a Slack outage) does not add a call to
 * every message it writes, and a fixed scope is picked up within a minute.
 *
 * <p>{@link #of} calls Slack on a cache miss, so it belongs in follow-up work on our executor, never in a handler
 * before its ack. {@link #ifKnown} never calls Slack: it is for the few answers given inside the ack itself.
 */
public final class SlackUserLocales {
    private static final Logger log = LoggerFactory.getLogger(SlackUserLocales.class);
    private static final Profile FAILED = new Profile(Locale.ROOT, null);

    /** What the bot reads of a user: the language, and the Slack time zone when it is known. */
    private record Profile(Locale locale, @Nullable ZoneId zone) {
    }

    /** A user whose language cannot be read is asked again on every message: say so once an hour per user. */
    static final Duration WARN_EVERY = Duration.ofHours(1);
    /** How long a failed lookup is trusted before Slack is asked again. */
    static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(1);

    private final MethodsClient client;
    private final LoadingCache<String, Profile> locales;
    private final OncePer warnings;
    private final Cache<String, Boolean> failedRecently;

    /** @param cacheFor how long a user's language is reused before Slack is asked again */
    public SlackUserLocales(MethodsClient client, Duration cacheFor, Ticker ticker) {
        this.client = Objects.requireNonNull(client, "client == null");
        this.locales = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(cacheFor).ticker(ticker).recordStats().build(this::load);
        this.warnings = new OncePer(WARN_EVERY, ticker);
        this.failedRecently = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(RETRY_FAILED_AFTER).ticker(ticker).build();
    }

    /** The language of {@code userId}: Korean or English; English when Slack cannot tell (calls Slack on a miss). */
    public Locale of(String userId) {
        if (userId == null || userId.isBlank()) {
            return Locale.ENGLISH;
        }
        if (failedRecently.getIfPresent(userId) != null) {
            return Locale.ENGLISH;
        }
        return profile(userId).map(Profile::locale).orElse(Locale.ENGLISH);
    }

    /**
     * The Slack time zone of {@code userId} ({@code tz} of {@code users.info}, such as {@code Asia/Seoul}); empty when
     * Slack cannot tell or names a zone this JVM does not know. Calls Slack on a miss, like {@link #of}.
     */
    public Optional<ZoneId> zoneOf(String userId) {
        if (userId == null || userId.isBlank() || failedRecently.getIfPresent(userId) != null) {
            return Optional.empty();
        }
        return profile(userId).map(Profile::zone);
    }

    private Optional<Profile> profile(String userId) {
        Profile profile = locales.get(userId);
        if (profile.equals(FAILED)) {
            locales.invalidate(userId);
            failedRecently.put(userId, Boolean.TRUE);
            return Optional.empty();
        }
        return Optional.of(profile);
    }

    /** The language of {@code userId} if it is cached, English otherwise; never calls Slack. */
    public Locale ifKnown(String userId) {
        Profile profile = userId == null ? null : locales.getIfPresent(userId);
        return profile == null || profile.equals(FAILED) ? Locale.ENGLISH : profile.locale();
    }

    /** Hits, misses and loads of the cache. */
    public CacheStats stats() {
        return locales.stats();
    }

    /** A Slack {@code tz}; null when absent or unknown to this JVM. */
    static @Nullable ZoneId zone(@Nullable String tz) {
        try {
            return tz == null || tz.isBlank() ? null : ZoneId.of(tz);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The bot's language for a Slack locale tag such as {@code ko-KR} or {@code en-US}; English for anything unknown. */
    static Locale fromSlack(@Nullable String tag) {
        return tag == null || tag.isBlank() ? Locale.ENGLISH : Texts.supported(Locale.forLanguageTag(tag.replace('_', '-')));
    }

    private Profile load(String userId) {
        try {
            User user = SlackCalls.call("users.info", () -> client.usersInfo(r -> r.user(userId).includeLocale(true))).getUser();
            return new Profile(fromSlack(user == null ? null : user.getLocale()), zone(user == null ? null : user.getTz()));
        } catch (SlackCallException e) {
            if (warnings.due(userId)) {
                log.warn("cannot read the locale of user {} ({}); writing English (said once an hour per user)", userId, e.error());
            }
            return FAILED;
        }
    }
}

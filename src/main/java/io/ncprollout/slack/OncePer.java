package io.ncprollout.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Says whether something (a warning about a key, such as a user id) is due again: the first time, then again only once
 * {@code period} has passed, so a failure that repeats on every poll is logged once an hour instead of filling the log.
 */
public final class OncePer {
    private final Cache<String, Boolean> said;

    public OncePer(Duration period, Ticker ticker) {
        this.said = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(period).ticker(ticker).build();
    }

    /** True the first time for {@code key} in each period (and remembers that it was said). */
    public boolean due(String key) {
        return said.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }
}

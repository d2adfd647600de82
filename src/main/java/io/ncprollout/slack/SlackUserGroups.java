package io.ncprollout.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import io.ncprollout.rollout.access.UserGroups;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UserGroups} over {@code usergroups.users.list}, cached per group for a few minutes (membership changes
 * are rare, and every entry point asks). A group that cannot be read counts as having no members: permissions
 * fail closed.
 */
public final class SlackUserGroups implements UserGroups {
    private static final Logger log = LoggerFactory.getLogger(SlackUserGroups.class);

    private final MethodsClient client;
    private final LoadingCache<String, Set<String>> members;

    public SlackUserGroups(MethodsClient client, Duration cacheFor, Ticker ticker) {
        this.client = client;
        this.members = Caffeine.newBuilder().maximumSize(500).expireAfterWrite(cacheFor).ticker(ticker).recordStats().build(this::load);
    }

    @Override
    public boolean isMember(String user, String group) {
        return members.get(group).contains(user);
    }

    private Set<String> load(String group) {
        try {
            return Set.copyOf(SlackCalls.call("usergroups.users.list", () -> client.usergroupsUsersList(r -> r.usergroup(group))).getUsers());
        } catch (SlackCallException e) {
            log.warn("cannot read members of user group {} ({}); treating it as empty", group, e.error());
            return Set.of();
        }
    }
}

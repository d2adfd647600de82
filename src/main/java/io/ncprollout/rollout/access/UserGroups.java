package io.ncprollout.rollout.access;

/** Port: membership of chat user groups (implemented over Slack's usergroups.users.list, cached). */
public interface UserGroups {

    /** True when {@code user} is a member of {@code group}; false when the group cannot be read (fail closed). */
    boolean isMember(String user, String group);
}

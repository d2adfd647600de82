package io.ncprollout.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The raw YAML shapes of {@link RolloutConfigFile} and their checks into its records. */
final class ConfigShapes {
    private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,20}");
    private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{2,20}");
    private static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(30);

    private ConfigShapes() {
    }

    record File(List<Permission> permissions, Read read, List<Approval> approvals, List<String> admins,
            Map<String, String> aliases, Map<String, String> regions, Map<String, List<String>> fleets, HealthShapes.Health health,
            List<WindowShapes.Window> windows) {
    }

    record Permission(List<String> services, List<String> actions, List<String> clusters, List<String> channels,
            List<String> users, List<String> usergroups) {
    }

    record Read(List<String> users, List<String> usergroups, List<String> channels) {
    }

    record Approval(List<String> clusters, Approvers approvers, String expires) {
    }

    record Approvers(List<String> users, List<String> usergroups) {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    static RolloutConfigFile.PermissionRule permission(Permission p, String where, List<String> problems) {
        List<String> services = oneOf(p.services(), RolloutConfigFile.SERVICES, where + ".services", problems);
        List<String> actions = oneOf(p.actions(), RolloutConfigFile.ACTIONS, where + ".actions", problems);
        List<String> clusters = required(p.clusters(), where + ".clusters", problems);
        List<String> channels = list(p.channels()).isEmpty() ? List.of("*") : p.channels();
        channels.stream().filter(c -> !c.equals("*") && !CHANNEL.matcher(c).matches())
                .forEach(c -> problems.add(where + ".channels: '" + c + "' is not a channel id (C…, G…) or *"));
        RolloutConfigFile.Principals who = principals(p.users(), p.usergroups(), where, problems);
        if (who.users().isEmpty() && who.usergroups().isEmpty()) {
            problems.add(where + ": name at least one user or user group");
        }
        return new RolloutConfigFile.PermissionRule(services, actions, clusters, channels, who);
    }

    /** The channels of the {@code read} rule: ids, or {@code *} (the default) for any. */
    static List<String> readChannels(Read r, List<String> problems) {
        List<String> channels = list(r.channels()).isEmpty() ? List.of("*") : r.channels();
        channels.stream().filter(c -> !c.equals("*") && !CHANNEL.matcher(c).matches())
                .forEach(c -> problems.add("read.channels: '" + c + "' is not a channel id (C…, G…) or *"));
        return channels;
    }

    static RolloutConfigFile.ApprovalRule approval(Approval a, String where, List<String> problems) {
        List<String> clusters = required(a.clusters(), where + ".clusters", problems);
        RolloutConfigFile.Principals approvers = a.approvers() == null
                ? new RolloutConfigFile.Principals(List.of(), List.of())
                : principals(a.approvers().users(), a.approvers().usergroups(), where + ".approvers", problems);
        if (approvers.users().isEmpty() && approvers.usergroups().isEmpty()) {
            problems.add(where + ".approvers: name at least one user or user group");
        }
        Duration expires = DEFAULT_EXPIRY;
        if (a.expires() != null) {
            try {
                expires = DurationText.parse(a.expires());
            } catch (IllegalArgumentException e) {
                problems.add(where + ".expires: " + e.getMessage());
            }
        }
        return new RolloutConfigFile.ApprovalRule(clusters, approvers, expires);
    }

    static RolloutConfigFile.Principals principals(List<String> users, List<String> groups, String where, List<String> problems) {
        List<String> u = list(users);
        u.stream().filter(id -> !id.equals("*") && !USER.matcher(id).matches())
                .forEach(id -> problems.add(where + ".users: '" + id + "' is not a Slack user id (U… or W…) or *"));
        List<String> g = list(groups);
        g.stream().filter(id -> !GROUP.matcher(id).matches())
                .forEach(id -> problems.add(where + ".usergroups: '" + id + "' is not a Slack user group id (S…)"));
        return new RolloutConfigFile.Principals(u, g);
    }

    static List<String> users(List<String> ids, String where, List<String> problems) {
        List<String> u = list(ids);
        u.stream().filter(id -> !USER.matcher(id).matches())
                .forEach(id -> problems.add(where + ": '" + id + "' is not a Slack user id (U… or W…)"));
        return u;
    }

    /** {@code fleets:} named, ordered lists of cluster names (the first is the canary), each name in one list at most. */
    static Map<String, List<String>> fleets(Map<String, List<String>> raw, List<String> problems) {
        Map<String, List<String>> fleets = new LinkedHashMap<>();
        if (raw == null) {
            return fleets;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        raw.forEach((name, clusters) -> {
            if (clusters == null || clusters.isEmpty()) {
                problems.add("fleets." + name + ": list its clusters in the order they run, the canary first ([orders-stage, orders-prod])");
                return;
            }
            if (name.contains("*") || name.contains(",")) {
                problems.add("fleets." + name + ": a fleet's name cannot contain '*' or ','");
            }
            for (String c : clusters) {
                if (c == null || c.isBlank() || c.contains("*")) {
                    problems.add("fleets." + name + ": '" + c + "' is not a cluster name (globs select fleets in the command, lists order them)");
                } else if (!seen.add(c)) {
                    problems.add("fleets." + name + ": '" + c + "' is in more than one list; its place would be ambiguous");
                }
            }
            fleets.put(name, List.copyOf(clusters.stream().filter(java.util.Objects::nonNull).toList()));
        });
        return fleets;
    }

    static Map<String, String> aliases(Map<String, String> raw, List<String> problems) {
        Map<String, String> aliases = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((alias, cluster) -> {
                if (cluster == null || cluster.isBlank()) {
                    problems.add("aliases." + alias + ": give the cluster name it stands for (" + alias + ": orders-prod)");
                } else {
                    aliases.put(alias, cluster);
                }
            });
        }
        return aliases;
    }

    static Map<String, String> regions(Map<String, String> raw, List<String> problems) {
        Map<String, String> regions = new LinkedHashMap<>();
        if (raw == null) {
            return regions;
        }
        raw.forEach((channel, region) -> {
            String upper = region == null ? "" : region.toUpperCase(Locale.ROOT);
            if (!CHANNEL.matcher(channel).matches()) {
                problems.add("regions: '" + channel + "' is not a channel id (C…, G…)");
            } else if (!RolloutConfigFile.REGIONS.contains(upper)) {
                problems.add("regions." + channel + ": '" + region + "' is not a region (KR, SGN, JPN, KRS)");
            } else {
                regions.put(channel, upper);
            }
        });
        return regions;
    }

    private static List<String> oneOf(List<String> values, java.util.Set<String> allowed, String where, List<String> problems) {
        List<String> checked = new ArrayList<>();
        for (String v : required(values, where, problems)) {
            String lower = v.toLowerCase(Locale.ROOT);
            if (allowed.contains(lower)) {
                checked.add(lower);
            } else {
                problems.add(where + ": '" + v + "' is not one of " + allowed.stream().sorted().toList());
            }
        }
        return checked;
    }

    private static List<String> required(List<String> values, String where, List<String> problems) {
        if (values == null || values.isEmpty()) {
            problems.add(where + " is missing or empty");
            return List.of();
        }
        return values;
    }
}

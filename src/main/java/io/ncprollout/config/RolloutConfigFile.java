package io.ncprollout.config;

import io.ncprollout.rollout.schedule.MaintenanceWindow;
import io.ncprollout.rollout.schedule.MaintenanceWindows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ROLLOUT_CONFIG} file (DESIGN.md, "The configuration file"): permissions, read access, approval rules,
 * admins, cluster aliases and a default region per channel. Every section is optional; an unknown key, an
 * unknown service or action, a malformed id or a bad duration is an error that names the file and the place.
 *
 * <pre>
 * permissions:                 # who may start what (checked on every entry point)
 *   - services: [kafka, opensearch]
 *     actions: [restart, upgrade, restart-cmak]
 *     clusters: ["orders-*"]   # globs on the cluster name
 *     channels: ["*"]          # channel ids, or * for any
 *     users: [U012ABCDEF]
 *     usergroups: [S0SREGROUP]
 * read:                        # list / status / history, the Home tab, the progress buttons
 *   users: ["*"]
 *   channels: ["*"]            # operations of these channels only (default any)
 * approvals:                   # two-person rule
 *   - clusters: ["*-prod"]
 *     approvers: { usergroups: [S0SREGROUP] }
 *     expires: 30m
 * admins: [U012ABCDEF]         # freeze / unfreeze
 * aliases:
 *   orders: orders-prod
 * regions:                     # default region per channel
 *   C0123456789: SGN
 * fleets:                      # named, ordered lists; the first is the canary
 *   kr-kafka: [orders-stage, orders-prod, payments-prod]
 * health:                      # data-level gates beyond NCP's precheck: see {@link HealthSettings}
 * windows:                     # when starts are allowed, per cluster glob: see {@link WindowShapes}
 *   - clusters: ["*-prod"]
 *     days: [mon, tue, wed, thu, fri]
 *     from: "01:00"
 *     to: "05:00"
 *     zone: Asia/Seoul
 * </pre>
 */
public record RolloutConfigFile(
        List<PermissionRule> permissions,
        Optional<Principals> read,
        List<ApprovalRule> approvals,
        List<String> admins,
        Map<String, String> aliases,
        Map<String, String> regions,
        List<String> readChannels,
        Map<String, List<String>> fleets,
        HealthSettings health,
        List<MaintenanceWindow> windows) {

    static final Set<String> SERVICES = Set.of("kafka", "opensearch");
    static final Set<String> ACTIONS = Set.of("restart", "upgrade", "restart-cmak");
    static final Set<String> REGIONS = Set.of("KR", "SGN", "JPN", "KRS");

    public RolloutConfigFile {
        permissions = List.copyOf(permissions);
        approvals = List.copyOf(approvals);
        admins = List.copyOf(admins);
        aliases = Map.copyOf(aliases);
        regions = Map.copyOf(regions);
        readChannels = List.copyOf(readChannels);
        fleets = Map.copyOf(fleets);
        java.util.Objects.requireNonNull(health, "health == null");
        windows = List.copyOf(windows);
    }

    public RolloutConfigFile(List<PermissionRule> permissions, Optional<Principals> read, List<ApprovalRule> approvals, List<String> admins,
            Map<String, String> aliases, Map<String, String> regions, List<String> readChannels, Map<String, List<String>> fleets,
            HealthSettings health) {
        this(permissions, read, approvals, admins, aliases, regions, readChannels, fleets, health, List.of());
    }

    public RolloutConfigFile(List<PermissionRule> permissions, Optional<Principals> read, List<ApprovalRule> approvals, List<String> admins,
            Map<String, String> aliases, Map<String, String> regions, List<String> readChannels, Map<String, List<String>> fleets) {
        this(permissions, read, approvals, admins, aliases, regions, readChannels, fleets, HealthSettings.none());
    }

    public RolloutConfigFile(List<PermissionRule> permissions, Optional<Principals> read, List<ApprovalRule> approvals, List<String> admins,
            Map<String, String> aliases, Map<String, String> regions, List<String> readChannels) {
        this(permissions, read, approvals, admins, aliases, regions, readChannels, Map.of());
    }

    /** No file: no permissions, no approvals, no aliases. */
    public static RolloutConfigFile empty() {
        return new RolloutConfigFile(List.of(), Optional.empty(), List.of(), List.of(), Map.of(), Map.of(), List.of("*"));
    }

    /**
     * Reads and checks the file.
     *
     * @throws ConfigFileException when it cannot be read (saying why), or naming the line of every problem in it
     */
    public static RolloutConfigFile load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigFileException(List.of(path + ": cannot be read: " + YamlFiles.reason(e)));
        }
        return parse(text, path.toString());
    }

    /**
     * Parses YAML text; {@code source} names it in messages.
     *
     * @throws ConfigFileException naming the source and the line of every problem
     */
    public static RolloutConfigFile parse(String yaml, String source) {
        YamlFiles.Parsed<ConfigShapes.File> parsed = YamlFiles.parse(yaml, source, ConfigShapes.File.class);
        ConfigShapes.File file = parsed.value();
        if (file == null) {
            parsed.failOn(List.of());
            return empty();
        }
        List<String> problems = new ArrayList<>();
        List<PermissionRule> permissions = new ArrayList<>();
        List<ConfigShapes.Permission> rawPermissions = ConfigShapes.list(file.permissions());
        for (int i = 0; i < rawPermissions.size(); i++) {
            permissions.add(ConfigShapes.permission(rawPermissions.get(i), "permissions[" + i + "]", problems));
        }
        Optional<Principals> read = Optional.ofNullable(file.read()).map(r -> ConfigShapes.principals(r.users(), r.usergroups(), "read", problems));
        List<ApprovalRule> approvals = new ArrayList<>();
        List<ConfigShapes.Approval> rawApprovals = ConfigShapes.list(file.approvals());
        for (int i = 0; i < rawApprovals.size(); i++) {
            approvals.add(ConfigShapes.approval(rawApprovals.get(i), "approvals[" + i + "]", problems));
        }
        List<String> readChannels = file.read() == null ? List.of("*") : ConfigShapes.readChannels(file.read(), problems);
        List<String> admins = ConfigShapes.users(file.admins(), "admins", problems);
        Map<String, String> aliases = ConfigShapes.aliases(file.aliases(), problems);
        Map<String, String> regions = ConfigShapes.regions(file.regions(), problems);
        Map<String, List<String>> fleets = ConfigShapes.fleets(file.fleets(), problems);
        HealthSettings health = HealthShapes.health(file.health(), problems);
        List<MaintenanceWindow> windows = WindowShapes.windows(file.windows(), problems);
        parsed.failOn(problems);
        return new RolloutConfigFile(permissions, read, approvals, admins, aliases, regions, readChannels, fleets, health, windows);
    }

    /** The maintenance windows of the {@code windows:} section; none restrict anything without one. */
    public MaintenanceWindows maintenanceWindows() {
        return new MaintenanceWindows(windows);
    }

    /** The cluster name an alias stands for, or {@code name} itself. */
    public String resolveAlias(String name) {
        return aliases.getOrDefault(name.toLowerCase(Locale.ROOT), aliases.getOrDefault(name, name));
    }

    /** The default region of a channel, if the file sets one. */
    public Optional<String> regionOf(String channelId) {
        return Optional.ofNullable(regions.get(channelId));
    }

    /**
     * Slack users and user groups; {@code *} among the users means everyone.
     *
     * @param users      user ids ({@code U…}, {@code W…}) or {@code *}
     * @param usergroups user group ids ({@code S…})
     */
    public record Principals(List<String> users, List<String> usergroups) {
        public Principals {
            users = List.copyOf(users);
            usergroups = List.copyOf(usergroups);
        }

        public boolean everyone() {
            return users.contains("*");
        }
    }

    /**
     * Who may run which actions on which clusters from which channels.
     *
     * @param services   {@code kafka}, {@code opensearch}
     * @param actions    {@code restart}, {@code upgrade}, {@code restart-cmak}
     * @param clusters   globs on the cluster name
     * @param channels   channel ids or {@code *}
     * @param principals the users and groups the rule grants
     */
    public record PermissionRule(List<String> services, List<String> actions, List<String> clusters, List<String> channels,
            Principals principals) {
        public PermissionRule {
            services = List.copyOf(services);
            actions = List.copyOf(actions);
            clusters = List.copyOf(clusters);
            channels = List.copyOf(channels);
        }
    }

    /**
     * The two-person rule for clusters matching the globs.
     *
     * @param clusters  globs on the cluster name
     * @param approvers who may approve (never the requester)
     * @param expires   how long a request waits for approval
     */
    public record ApprovalRule(List<String> clusters, Principals approvers, Duration expires) {
        public ApprovalRule {
            clusters = List.copyOf(clusters);
        }
    }
}

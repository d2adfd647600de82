package io.ncprollout;

import io.ncprollout.config.RolloutConfigFile;
import io.ncprollout.rollout.access.AccessPolicy;
import io.ncprollout.rollout.access.ApprovalRules;
import io.ncprollout.rollout.cluster.Product;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Wiring: the configuration file's permissions and approval rules as the domain's {@link AccessPolicy} and
 * {@link ApprovalRules}. With permissions in the file the policy applies, simulator or not; without them the
 * simulator allows everything (nothing real can break) and real NCP keys allow reading only.
 */
final class Policies {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Policies.class);

    private Policies() {
    }

    static AccessPolicy accessPolicy(RolloutConfigFile file, boolean simulated) {
        AccessPolicy.Principals read = file.read().map(Policies::principals).orElse(AccessPolicy.Principals.everyone());
        if (file.permissions().isEmpty()) {
            if (simulated) {
                log.info("No permissions are configured; the embedded simulator serves, so every action is allowed");
            } else {
                log.warn("No permissions are configured (ROLLOUT_CONFIG): the bot is read-only — list, status and history only."
                        + " Add a permissions section to allow restarts and upgrades.");
            }
            return new AccessPolicy(simulated ? AccessPolicy.Mode.OPEN : AccessPolicy.Mode.READ_ONLY, java.util.List.of(), read,
                    Set.copyOf(file.admins()), file.readChannels());
        }
        return new AccessPolicy(AccessPolicy.Mode.POLICY, file.permissions().stream().map(p -> new AccessPolicy.Grant(
                p.services().stream().map(s -> Product.valueOf(s.toUpperCase(Locale.ROOT))).collect(Collectors.toSet()),
                Set.copyOf(p.actions()), p.clusters(), p.channels(), Set.copyOf(p.principals().users()),
                Set.copyOf(p.principals().usergroups()))).toList(), read, Set.copyOf(file.admins()), file.readChannels());
    }

    /** Says at startup that {@code windows:} is read and checked but not enforced yet, so nobody relies on it unknowingly. */
    static ApprovalRules approvalRules(RolloutConfigFile file) {
        return new ApprovalRules(file.approvals().stream()
                .map(a -> new ApprovalRules.Rule(a.clusters(), principals(a.approvers()), a.expires())).toList());
    }

    private static AccessPolicy.Principals principals(RolloutConfigFile.Principals p) {
        return new AccessPolicy.Principals(Set.copyOf(p.users()), Set.copyOf(p.usergroups()));
    }
}

package io.ncprollout.ncp;

import io.ncprollout.rollout.operation.UpgradeOptions;
import io.ncprollout.rollout.operation.VersionChoice;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * Pure: orders NCP version codes and picks the ones newer than a cluster's. Codes are digit strings whose
 * numeric order is the release order (Kafka {@code 3713006} &lt; {@code 3903006}, OpenSearch {@code 290} &lt;
 * {@code 2150}); a code that is not a number is never offered as an upgrade (ncp-api.md marks the pattern INFERRED).
 */
final class VersionOrder {
    private VersionOrder() {
    }

    static UpgradeOptions options(String currentCode, List<VersionChoice> all) {
        VersionChoice current = all.stream().filter(v -> v.code().equals(currentCode)).findFirst()
                .orElse(new VersionChoice(currentCode, currentCode));
        if (!numeric(currentCode)) {
            return new UpgradeOptions(current, List.of());
        }
        BigInteger now = new BigInteger(currentCode);
        List<VersionChoice> newer = all.stream()
                .filter(v -> numeric(v.code()) && new BigInteger(v.code()).compareTo(now) > 0)
                .sorted(Comparator.comparing(v -> new BigInteger(v.code())))
                .distinct()
                .toList();
        return new UpgradeOptions(current, newer);
    }

    private static boolean numeric(String code) {
        return code.matches("\\d{1,30}");
    }
}

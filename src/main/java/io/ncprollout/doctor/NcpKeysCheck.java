package io.ncprollout.doctor;

import io.ncprollout.ncp.NcpApiException;
import io.ncprollout.ncp.NcpErrorKind;
import java.util.Optional;

/**
 * Pure: the NCP keys work when the {@link NcpProbe}'s signed call succeeded. WARN without keys (the embedded
 * simulator would serve); FAIL with NCP's classification and hint when the call failed.
 */
public final class NcpKeysCheck {
    static final String NAME = "ncp keys";

    private NcpKeysCheck() {
    }

    /** @param probe the call made with the keys, or empty when no keys are configured */
    public static CheckResult evaluate(Optional<NcpProbe> probe) {
        if (probe.isEmpty()) {
            return CheckResult.warn(NAME, "NCP_ACCESS_KEY and NCP_SECRET_KEY are not set: the embedded simulator serves",
                    "set both keys (an API key of a sub account with CDSS/SES permissions) to work on real clusters");
        }
        Optional<NcpApiException> failure = probe.get().failure();
        if (failure.isEmpty()) {
            return CheckResult.ok(NAME, "a signed CDSS getClusterInfoList call succeeded");
        }
        NcpApiException e = failure.get();
        String fix = switch (e.kind()) {
            case AUTHENTICATION -> "check NCP_ACCESS_KEY/NCP_SECRET_KEY (same pair, active) and the clock (see clock skew)";
            case PERMISSION -> "grant the key's sub account access to CDSS and SES (NCP Sub Account policies)";
            default -> e.kind().hint();
        };
        return CheckResult.fail(NAME, e.kind() == NcpErrorKind.AUTHENTICATION ? "NCP refused the keys: " + e.getMessage()
                : e.getMessage(), fix);
    }
}

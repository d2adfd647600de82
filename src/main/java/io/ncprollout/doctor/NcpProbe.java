package io.ncprollout.doctor;

import io.ncprollout.NcpBackend;
import io.ncprollout.config.NcpConfig;
import io.ncprollout.ncp.NcpApiException;
import io.ncprollout.ncp.NcpCallEvent;
import io.ncprollout.ncp.NcpRegion;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One signed, read-only NCP call (the first page of CDSS clusters, one item) through the bot's own client, with
 * what it observed: the failure, if any, and the last HTTP attempt (status and the gateway's {@code Date}).
 * {@link NcpKeysCheck} and {@link ClockSkewCheck} judge it.
 *
 * @param failure     why the call failed, when it did
 * @param lastAttempt the last HTTP attempt, when a request was made
 */
public record NcpProbe(Optional<NcpApiException> failure, Optional<NcpCallEvent> lastAttempt) {
    /**
     * Makes the call with the configured keys. Never throws for an NCP or network failure (it is in the result).
     * Only call it with keys configured: without them the embedded simulator would answer.
     */
    public static NcpProbe run(NcpConfig config, Clock clock) {
        List<NcpCallEvent> attempts = new CopyOnWriteArrayList<>();
        try (NcpBackend backend = NcpBackend.open(config, clock)) {
            backend.clients().setCallListener(attempts::add);
            backend.clients().cdss(NcpRegion.parse(config.region())).getClusterInfoList(null, 1, 1);
            return new NcpProbe(Optional.empty(), last(attempts));
        } catch (NcpApiException e) {
            return new NcpProbe(Optional.of(e), last(attempts));
        }
    }

    private static Optional<NcpCallEvent> last(List<NcpCallEvent> attempts) {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }
}

package io.ncprollout.ncp;

/**
 * Told about every HTTP attempt {@link NcpClients} makes (a retried read is several attempts), after its
 * answer or failure has been read. Implemented outside {@code ncp} (metrics, the doctor's clock check), so
 * this package needs no metrics library.
 *
 * <p>Contract: called on the calling thread, synchronously; it must be quick and must not throw (an
 * exception is logged and ignored, it never fails the call). Events never carry keys, signatures or bodies.
 */
@FunctionalInterface
public interface NcpCallListener {
    /** Ignores every event. */
    NcpCallListener NONE = event -> {
    };

    void onAttempt(NcpCallEvent event);
}

package io.ncprollout.rollout.access;

import java.util.List;

/** Port: the clusters frozen by admins (and the "all clusters" freeze), kept across restarts. */
public interface FreezeList {

    /** Adds or replaces the freeze with the same {@link Freeze#key()}. */
    void freeze(Freeze freeze);

    /**
     * Lifts the freeze with that key ({@code all} or service/region/number).
     *
     * @return false when there was none
     */
    boolean unfreeze(String key);

    /** Every freeze, oldest first. */
    List<Freeze> all();
}

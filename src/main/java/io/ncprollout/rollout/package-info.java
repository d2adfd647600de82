/**
 * The rollout domain. Its subpackages are its concepts, each building only on the ones before it:
 * {@code cluster} (what a cluster is), {@code operation} (what can be done to it and the NCP ports),
 * {@code audit}, {@code access} (who may, freezes, approvals), {@code tracking} (an operation's state, decided by the
 * pure {@code RolloutTransitions} from each observation) and {@code outbox} (what must be said, stored first). This
 * package holds the use cases that compose them: start ({@link io.ncprollout.rollout.RolloutService},
 * {@link io.ncprollout.rollout.StartSequence}), approve ({@link io.ncprollout.rollout.ApprovalService}) and follow
 * ({@link io.ncprollout.rollout.RolloutPoller}). The domain imports only {@code java.*}; the Slack and NCP adapters
 * meet through its ports. {@code ArchitectureTest} checks all of this.
 */
@NullMarked
package io.ncprollout.rollout;

import org.jspecify.annotations.NullMarked;

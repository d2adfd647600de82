/**
 * The rollout domain: {@link io.ncprollout.rollout.RolloutTransitions} decides, as a pure function of
 * (rollout, observation, now), what an operation's state is and what to tell the user; the ports
 * through which the Slack and NCP adapters meet live here too. Imports only {@code java.*}.
 */
@NullMarked
package io.ncprollout.rollout;

import org.jspecify.annotations.NullMarked;

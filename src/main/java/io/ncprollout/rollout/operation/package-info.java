/**
 * What the bot can do to a cluster and how it asks NCP: the operation kinds (the extension point), their targets and requests, and the ports through which NCP is read and driven (prechecks, observations, version choices).
 */
@NullMarked
package io.ncprollout.rollout.operation;

import org.jspecify.annotations.NullMarked;

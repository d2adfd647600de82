/**
 * What the bot must say, stored before it is said: the outbox of notices and the sender that delivers each once.
 */
@NullMarked
package io.ncprollout.rollout.outbox;

import org.jspecify.annotations.NullMarked;

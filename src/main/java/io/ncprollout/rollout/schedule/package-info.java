/**
 * Scheduled runs: an operation asked for a later time ({@code --at}), kept in the store until it is reminded of,
 * started, refused, missed or cancelled. The durable record, the pure rules that move it, and the port to its store.
 */
@NullMarked
package io.ncprollout.rollout.schedule;

import org.jspecify.annotations.NullMarked;

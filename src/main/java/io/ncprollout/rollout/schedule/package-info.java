/**
 * Running an operation later: maintenance windows (when starts are allowed, per cluster glob, pure) and scheduled
 * runs (their durable states, the pure rules that move them, and the port to their store). Groundwork of scheduling:
 * no command creates a scheduled run yet.
 */
@NullMarked
package io.ncprollout.rollout.schedule;

import org.jspecify.annotations.NullMarked;

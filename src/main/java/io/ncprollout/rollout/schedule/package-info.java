/**
 * Schedules: when starts are allowed. The maintenance windows per cluster glob, whether an instant falls inside one
 * and when the next one opens; pure, on {@code java.time} only.
 */
@NullMarked
package io.ncprollout.rollout.schedule;

import org.jspecify.annotations.NullMarked;

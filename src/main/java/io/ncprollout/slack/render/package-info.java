/**
 * Pure Block Kit rendering: {@link io.ncprollout.slack.render.ProgressMessages} turns a rollout into the
 * thread's messages and {@link io.ncprollout.slack.render.ConfirmationViews} builds the confirmation modal.
 * No I/O and no clock reads: every time shown comes from the rendered value, so equal input renders equal output.
 */
@NullMarked
package io.ncprollout.slack.render;

import org.jspecify.annotations.NullMarked;

/**
 * Pure Block Kit rendering: {@link io.ncprollout.slack.render.ProgressMessages} turns a rollout into the
 * thread's messages and {@link io.ncprollout.slack.render.ConfirmationViews} builds the confirmation modal;
 * {@link io.ncprollout.slack.render.UpgradeViews} the upgrade modal, {@link io.ncprollout.slack.render.ListMessages},
 * {@link io.ncprollout.slack.render.StatusMessages} and {@link io.ncprollout.slack.render.CmakMessages} the ephemeral
 * answers, and {@link io.ncprollout.slack.render.HomeViews} the Home tab.
 * No I/O and no clock reads: every time shown comes from the rendered value, so equal input renders equal output.
 */
@NullMarked
package io.ncprollout.slack.render;

import org.jspecify.annotations.NullMarked;

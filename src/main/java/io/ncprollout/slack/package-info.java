/**
 * The Slack side: Bolt listeners registered in {@link io.ncprollout.slack.SlackListeners}, the HTTP adapter
 * {@link io.ncprollout.slack.SlackHttpServer}, and {@link io.ncprollout.slack.SlackProgressNotifier}, which
 * implements the rollout progress port over the Web API. Never imports the NCP client.
 */
@NullMarked
package io.ncprollout.slack;

import org.jspecify.annotations.NullMarked;

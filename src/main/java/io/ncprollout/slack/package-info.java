/**
 * The Slack side of the bot: {@link io.ncprollout.slack.SlackIds} holds every callback, block and action id
 * the handlers and the renderers share; rendering lives in {@code slack.render}.
 */
@NullMarked
package io.ncprollout.slack;

import org.jspecify.annotations.NullMarked;

/** Slash commands: {@link io.ncprollout.slack.command.CommandParser} turns their text into a checked {@link io.ncprollout.slack.command.CommandLine}. */
@NullMarked
package io.ncprollout.slack.command;

import org.jspecify.annotations.NullMarked;

/**
 * Local shell mode: the bot in a terminal, without Slack. {@link io.ncprollout.shell.ShellCommand} starts the NCP
 * simulator, the real Bolt app and {@link io.ncprollout.shell.FakeSlackWebApi}, a loopback Slack Web API that keeps
 * a one-channel workspace and prints every change as text ({@link io.ncprollout.shell.BlockKitText});
 * {@link io.ncprollout.shell.ShellSession} turns typed lines into signed slash commands, view submissions and
 * button presses, exactly as Slack sends them.
 */
@NullMarked
package io.ncprollout.shell;

import org.jspecify.annotations.NullMarked;

/**
 * Command-line entry points besides the bot itself: {@link io.ncprollout.cli.NcpCommand}, the read-only
 * operator CLI that checks NCP keys and reachability.
 */
@NullMarked
package io.ncprollout.cli;

import org.jspecify.annotations.NullMarked;

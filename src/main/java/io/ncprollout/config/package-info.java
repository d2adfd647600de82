/**
 * Configuration read from the environment and files; pure parsers such as {@link io.ncprollout.config.NcpConfig#fromEnv}
 * that report every problem at once.
 */
@NullMarked
package io.ncprollout.config;

import org.jspecify.annotations.NullMarked;

/**
 * The program's entry point ({@link io.ncprollout.Main}) and wiring ({@link io.ncprollout.NcpBackend}):
 * the only classes that construct clocks, clients and servers.
 */
@NullMarked
package io.ncprollout;

import org.jspecify.annotations.NullMarked;

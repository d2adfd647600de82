/** Where rollouts are kept: {@link io.ncprollout.store.InMemoryRolloutStore} implements the rollout store port. */
@NullMarked
package io.ncprollout.store;

import org.jspecify.annotations.NullMarked;

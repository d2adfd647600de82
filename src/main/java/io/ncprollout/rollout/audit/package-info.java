/**
 * The audit trail: one record per decision or outcome, kept for the retention period.
 */
@NullMarked
package io.ncprollout.rollout.audit;

import org.jspecify.annotations.NullMarked;

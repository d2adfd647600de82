/**
 * Who may start what, and when: permissions per channel and group, freezes, second-person approvals, and the refusals they return as data.
 */
@NullMarked
package io.ncprollout.rollout.access;

import org.jspecify.annotations.NullMarked;

/**
 * {@code ncp-rollout-bot doctor}: {@link io.ncprollout.doctor.DoctorCommand} runs one small class per check (Slack
 * token and scopes, NCP keys, clock skew, store, configuration file) and prints them with
 * {@link io.ncprollout.doctor.DoctorTable}.
 */
@NullMarked
package io.ncprollout.doctor;

import org.jspecify.annotations.NullMarked;

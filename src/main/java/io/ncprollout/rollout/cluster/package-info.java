/**
 * What a managed cluster is to the bot: its product (Kafka or OpenSearch), its reference and summary, its phase, its node roles, and how a name typed by a person finds it.
 */
@NullMarked
package io.ncprollout.rollout.cluster;

import org.jspecify.annotations.NullMarked;

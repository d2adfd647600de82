/**
 * Data-level health gates, beyond the platform's precheck: is the data safe to roll? For Kafka, no partition
 * offline or under-replicated beyond a limit and none left unwritable when one broker goes down; for OpenSearch, the
 * cluster's health status and shards. What the gate saw ({@link KafkaSnapshot}, {@link SearchSnapshot}), the pure
 * verdicts on it ({@link KafkaVerdicts}, {@link SearchVerdicts}) and the port the use cases ask ({@link HealthGate}).
 */
@NullMarked
package io.ncprollout.rollout.health;

import org.jspecify.annotations.NullMarked;

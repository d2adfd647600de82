package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Kafka config group (ncp-api.md §4.6); {@code configGroupNo} is the {@code upgradeConfigGroupNo}
 * of a rolling upgrade and must belong to the target version.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KafkaConfigGroup(
        Long configGroupNo, String configGroupName, String description, String kafkaVersion, String kafkaVersionCode) {}

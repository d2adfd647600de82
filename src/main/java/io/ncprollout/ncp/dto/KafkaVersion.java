package io.ncprollout.ncp.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Kafka version CDSS offers ({@code GET /cluster/getCDSSVersionList}, ncp-api.md §4.5), e.g.
 * code {@code "3903006"} = Kafka 3.9.0 with CMAK 3.0.0.6. Upgrade calls take the code as a number.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KafkaVersion(
        String kafkaVersionCode, String applicationVersionName, String kafkaVersionName, String cmakVersionName) {}

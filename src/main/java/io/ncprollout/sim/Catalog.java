package io.ncprollout.sim;

import java.util.List;
import java.util.Optional;

/**
 * The versions and config groups the simulator offers. Order is age: a later entry is newer, and an
 * upgrade must go to a newer entry. Codes follow the documented patterns (ncp-api.md §4.5, §5.4):
 * Kafka {@code 3903006} = Kafka 3.9.0 + CMAK 3.0.0.6; OpenSearch {@code 2150} = 2.15.0.
 */
final class Catalog {
    /** One CDSS version as listed by getCDSSVersionList. */
    record KafkaVersion(String code, String kafkaVersionName, String cmakVersionName) {
        String applicationVersionName() {
            return kafkaVersionName + ", " + cmakVersionName;
        }
    }

    /** One Kafka config group; it belongs to exactly one Kafka version. */
    record ConfigGroup(int configGroupNo, String configGroupName, String description, String kafkaVersionCode) {
    }

    /** One SES engine version as listed by getSearchEngineVersionList. */
    record EngineVersion(String code, String versionName, String dashboardVersionName, String type) {
    }

    static final List<KafkaVersion> KAFKA_VERSIONS = List.of(
            new KafkaVersion("3503006", "Kafka 3.5.0", "CMAK 3.0.0.6"),
            new KafkaVersion("3713006", "Kafka 3.7.1", "CMAK 3.0.0.6"),
            new KafkaVersion("3903006", "Kafka 3.9.0", "CMAK 3.0.0.6"));

    static final List<ConfigGroup> CONFIG_GROUPS = List.of(
            new ConfigGroup(301, "kafka350-default", "Default settings for Kafka 3.5.0", "3503006"),
            new ConfigGroup(311, "kafka371-default", "Default settings for Kafka 3.7.1", "3713006"),
            new ConfigGroup(312, "kafka371-high-throughput", "Larger batches and buffers", "3713006"),
            new ConfigGroup(321, "kafka390-default", "Default settings for Kafka 3.9.0", "3903006"),
            new ConfigGroup(322, "kafka390-high-throughput", "Larger batches and buffers", "3903006"));

    static final List<EngineVersion> ENGINE_VERSIONS = List.of(
            new EngineVersion("270", "OpenSearch 2.7.0", "OpenSearch Dashboards 2.7.0", "OpenSearch"),
            new EngineVersion("290", "OpenSearch 2.9.0", "OpenSearch Dashboards 2.9.0", "OpenSearch"),
            new EngineVersion("2150", "OpenSearch 2.15.0", "OpenSearch Dashboards 2.15.0", "OpenSearch"),
            new EngineVersion("2180", "OpenSearch 2.18.0", "OpenSearch Dashboards 2.18.0", "OpenSearch"));

    private Catalog() {
    }

    static Optional<KafkaVersion> kafkaVersion(String code) {
        return KAFKA_VERSIONS.stream().filter(v -> v.code().equals(code)).findFirst();
    }

    static Optional<EngineVersion> engineVersion(String code) {
        return ENGINE_VERSIONS.stream().filter(v -> v.code().equals(code)).findFirst();
    }

    static List<ConfigGroup> configGroups(String kafkaVersionCode) {
        return CONFIG_GROUPS.stream().filter(g -> g.kafkaVersionCode().equals(kafkaVersionCode)).toList();
    }

    static Optional<ConfigGroup> configGroup(int configGroupNo) {
        return CONFIG_GROUPS.stream().filter(g -> g.configGroupNo() == configGroupNo).findFirst();
    }

    /** The first config group of a Kafka version: the one a cluster of that version starts with. */
    static int defaultConfigGroup(String kafkaVersionCode) {
        return configGroups(kafkaVersionCode).stream().findFirst().map(ConfigGroup::configGroupNo)
                .orElseThrow(() -> new IllegalArgumentException("unknown Kafka version code " + kafkaVersionCode));
    }

    /** True when {@code target} comes after {@code current} in {@code codes}; false if either is unknown. */
    static boolean isNewer(List<String> codes, String current, String target) {
        int from = codes.indexOf(current);
        int to = codes.indexOf(target);
        return from >= 0 && to > from;
    }

    static List<String> kafkaCodes() {
        return KAFKA_VERSIONS.stream().map(KafkaVersion::code).toList();
    }

    static List<String> engineCodes() {
        return ENGINE_VERSIONS.stream().map(EngineVersion::code).toList();
    }
}

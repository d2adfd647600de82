package io.ncprollout.rollout.cluster;

/**
 * The managed products the bot drives, named as in the slash commands: Kafka (NCP's Cloud Data Streaming Service) and
 * OpenSearch (its Search Engine Service). Not called a service here: in this code a service is a use case
 * ({@code RolloutService}, {@code ApprovalService}).
 */
public enum Product {
    KAFKA("kafka", "Kafka (CDSS)"),
    OPENSEARCH("opensearch", "OpenSearch (SES)");

    private final String command;
    private final String displayName;

    Product(String command, String displayName) {
        this.command = command;
        this.displayName = displayName;
    }

    /** The slash command without the slash, also the service's name in the configuration file. */
    public String command() {
        return command;
    }

    public String displayName() {
        return displayName;
    }
}

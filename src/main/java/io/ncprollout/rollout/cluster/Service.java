package io.ncprollout.rollout.cluster;

/** The managed services the bot drives, named as in the slash commands. */
public enum Service {
    KAFKA("kafka", "Kafka (CDSS)"),
    OPENSEARCH("opensearch", "OpenSearch (SES)");

    private final String command;
    private final String displayName;

    Service(String command, String displayName) {
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

package io.ncprollout.health;

import io.ncprollout.rollout.health.KafkaSnapshot;

/** Reads what a Kafka cluster's admin API says now, read-only, within the target's timeout. */
public interface KafkaProbe {

    /**
     * The cluster's controller, brokers and partitions (with each topic's {@code min.insync.replicas}).
     *
     * @throws ProbeException when it cannot be read within the timeout, saying why (never a secret)
     */
    KafkaSnapshot read(KafkaTarget target) throws ProbeException;
}

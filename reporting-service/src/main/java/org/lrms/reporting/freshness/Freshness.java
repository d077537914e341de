package org.lrms.reporting.freshness;

import java.time.Instant;
import java.util.List;

/**
 * How fresh a report is: for each topic it draws on, the last event applied and the records still waiting.
 *
 * @param asOf   when this was measured
 * @param topics one row per topic
 */
public record Freshness(Instant asOf, List<TopicView> topics) {

    /**
     * @param topic         the Kafka topic
     * @param lastEventAt   when the newest applied event happened at its source (null: none yet)
     * @param lastAppliedAt when reporting applied its latest event
     * @param lag           records on the topic not yet applied (null when Kafka cannot tell now)
     * @param applied       events applied
     * @param skipped       events of types reporting does not read
     */
    public record TopicView(String topic, Instant lastEventAt, Instant lastAppliedAt, Long lag, long applied,
                            long skipped) {
    }
}

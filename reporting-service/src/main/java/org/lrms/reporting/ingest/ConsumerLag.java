package org.lrms.reporting.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Each consumer's lag: records on the topic not yet consumed (log-end offsets minus the positions this service has
 * consumed, or its committed offsets before it consumed anything since start). Exposed as the gauge
 * {@code lrms_reporting_consumer_lag{topic}} and in every report's freshness block.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Duration CACHE = Duration.ofMillis(500);
    private static final long TIMEOUT_MS = 2000;

    private final Map<TopicPartition, Long> consumed = new ConcurrentHashMap<>();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "reporting.consumer-group-prefix", defaultValue = "reporting-service")
    String groupPrefix;

    @Inject
    EventIngestor ingestor;

    @Inject
    MeterRegistry metrics;

    private volatile Admin admin;

    private record Cached(Instant at, OptionalLong lag) {
    }

    void start(@Observes StartupEvent event) {
        for (String topic : ingestor.topics()) {
            Gauge.builder("lrms_reporting_consumer_lag", () -> lag(topic).orElse(-1))
                    .tag("topic", topic)
                    .tag("group", group(topic))
                    .description("records on the topic not yet applied by reporting (-1: unknown)")
                    .register(metrics);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** The consumer group of a topic's channel (one group per topic, so channels never rebalance each other). */
    public String group(String topic) {
        return groupPrefix + "." + topic;
    }

    public void consumed(String topic, int partition, long offset) {
        consumed.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    /** Records not yet consumed, or empty when Kafka cannot tell now. */
    public OptionalLong lag(String topic) {
        Cached cached = cache.get(topic);
        if (cached != null && cached.at().plus(CACHE).isAfter(Instant.now())) {
            return cached.lag();
        }
        OptionalLong lag = compute(topic);
        cache.put(topic, new Cached(Instant.now(), lag));
        return lag;
    }

    private OptionalLong compute(String topic) {
        try {
            Admin client = admin();
            Map<String, TopicDescription> topics = client.describeTopics(java.util.List.of(topic))
                    .allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.get(topic).partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            var committed = client.listConsumerGroupOffsets(group(topic)).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            long lag = 0;
            for (var end : ends.entrySet()) {
                long position = consumed.getOrDefault(end.getKey(), 0L);
                var commit = committed.get(end.getKey());
                if (commit != null) {
                    position = Math.max(position, commit.offset());
                }
                lag += Math.max(0, end.getValue().offset() - position);
            }
            return OptionalLong.of(lag);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return OptionalLong.of(0);
            }
            return OptionalLong.empty();
        } catch (java.util.concurrent.TimeoutException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.CLIENT_ID_CONFIG, groupPrefix + "-lag",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS));
                }
            }
        }
        return admin;
    }
}

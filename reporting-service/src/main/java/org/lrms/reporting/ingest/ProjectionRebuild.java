package org.lrms.reporting.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lrms.kit.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Rebuilds every projection from the topics: empties the projection tables (and reporting's processed events), then
 * replays each topic from its first record to the end it had when the rebuild began. The live consumers wait
 * meanwhile and then go on; what they receive that the replay already applied is a duplicate and changes nothing.
 * Dropping the database and restarting with new consumer groups does the same; this does it without downtime.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final Duration STALL_LIMIT = Duration.ofSeconds(30);

    /** Live ingestion takes the read side; a rebuild takes the write side and so runs alone. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    @Inject
    EventIngestor ingestor;

    @Inject
    BatchIngestion ingestion;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** What a replay of one topic did. */
    public record TopicReplay(String topic, long records, long applied, long skipped, long unreadable) {
    }

    /** What a rebuild did. */
    public record Result(Instant startedAt, Instant finishedAt, List<TopicReplay> topics) {
    }

    public <T> T whileLive(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Result rebuild() {
        if (!lock.writeLock().tryLock()) {
            throw ProblemException.conflict("rebuild-running", "a rebuild is already running");
        }
        try {
            Instant started = Instant.now();
            clear();
            List<TopicReplay> replays = new ArrayList<>();
            for (String topic : ingestor.topics().stream().sorted().toList()) {
                replays.add(replay(topic));
            }
            LOG.infof("projections rebuilt from %d topics", replays.size());
            return new Result(started, Instant.now(), replays);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Transactional
    void clear() {
        List<String> tables = new ArrayList<>();
        ingestor.projections().forEach(p -> tables.addAll(p.tables()));
        tables.add("topic_freshness");
        em.createNativeQuery("TRUNCATE " + String.join(", ", tables)).executeUpdate();
        em.createNativeQuery("DELETE FROM processed_event WHERE consumer LIKE 'reporting:%'").executeUpdate();
    }

    private TopicReplay replay(String topic) {
        long records = 0;
        long applied = 0;
        long skipped = 0;
        long unreadable = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return new TopicReplay(topic, 0, 0, 0, 0);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            Instant lastProgress = Instant.now();
            while (!reached(consumer, ends)) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    lastProgress = Instant.now();
                } else if (lastProgress.plus(STALL_LIMIT).isBefore(Instant.now())) {
                    throw new IllegalStateException("replay of " + topic + " stalled");
                }
                List<ConsumerRecord<String, String>> wanted = new ArrayList<>();
                for (ConsumerRecord<String, String> record : batch) {
                    if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
                        wanted.add(record);
                    }
                }
                if (wanted.isEmpty()) {
                    continue;
                }
                records += wanted.size();
                // what the live consumer dead-lettered is already on the dead-letter topic: only counted here
                BatchIngestion.Result result = ingestion.apply(topic, wanted, (record, reason) -> { });
                applied += result.outcomes().getOrDefault(EventIngestor.Outcome.APPLIED, 0L);
                skipped += result.outcomes().getOrDefault(EventIngestor.Outcome.SKIPPED, 0L);
                unreadable += result.failed();
            }
        }
        return new TopicReplay(topic, records, applied, skipped, unreadable);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}

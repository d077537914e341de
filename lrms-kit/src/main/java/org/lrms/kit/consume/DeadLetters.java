package org.lrms.kit.consume;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lrms.events.Topics;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a record a consumer cannot apply to {@code <topic>.dlt}, unchanged, with why in the headers (the same headers
 * the messaging connector's dead-letter strategy writes). Waits for Kafka's acknowledgement, so the record is kept
 * before its offset is committed.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "lrms")
    String application;

    private volatile KafkaProducer<String, String> producer;

    public void send(ConsumerRecord<String, String> record, Throwable reason) {
        // the reason goes with the record to the dead-letter topic, not to the log: it may quote the payload
        LOG.warnf("event at %s-%d@%d goes to the dead-letter topic (%s)", record.topic(), record.partition(),
                record.offset(), reason.getClass().getSimpleName());
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(),
                record.value());
        header(dead, "dead-letter-reason", reason.getMessage() == null ? reason.getClass().getSimpleName()
                : reason.getMessage());
        header(dead, "dead-letter-cause", reason.getClass().getName());
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", String.valueOf(record.partition()));
        header(dead, "dead-letter-offset", String.valueOf(record.offset()));
        try {
            producer().send(dead).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the dead-letter topic did not take the record", e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letters"),
                            new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }
}

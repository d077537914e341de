package org.lrms.bench.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lrms.events.EventJson;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanRenewed;
import org.lrms.events.circulation.LoanSnapshot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reporting's ingestion throughput: publishes {@code events} circulation events to the stack's
 * {@code circulation.loans.v1} as circulation's outbox relay would (envelopes of the contract's records, keyed by
 * loan), as fast as the producer can, and times from the first send until reporting's freshness counts them all
 * applied. The mix is a school day at the desks of the scale's sites: check-outs (LoanCreated), check-ins of the
 * loans made earlier (LoanClosed), one renewal in ten; loans happen now, at random sites, patrons, titles and
 * dimensions, deterministic by seed.
 */
public final class IngestionRun {

    private static final String TOPIC = "circulation.loans.v1";
    private static final String[] MATERIAL = {"BOOK", "BOOK", "BOOK", "BOOK", "EBOOK", "AUDIOBOOK", "DVD"};
    private static final String[] DEWEY = {"004.6", "152.4", "292.1", "398.2", "423", "599.5", "641.5", "796.3",
            "811.54", "973.7", "FIC SAC", "E SEN"};

    /** What a run measured: events applied per second, from the first send to the last counted applied. */
    public record Result(long events, double publishSeconds, double seconds, long maxLag, boolean complete) {
        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String bootstrapServers;
    private final String reportingUrl;
    private final Supplier<String> tokens;
    private String token;

    /** {@code tokens} gives a fresh access token when the one in use expires (a run can outlast it). */
    public IngestionRun(String bootstrapServers, String reportingUrl, Supplier<String> tokens) {
        this.bootstrapServers = bootstrapServers;
        this.reportingUrl = reportingUrl;
        this.tokens = tokens;
        this.token = tokens.get();
    }

    public Result run(long events, int sites, int patrons, int titles, long seed, Duration limit,
                      Consumer<String> say) throws IOException, InterruptedException {
        ensureTopic();
        long before = counted();
        AtomicLong failed = new AtomicLong();
        Random random = new Random(seed ^ System.nanoTime()); // new loans each run: ids must not repeat
        Deque<LoanSnapshot> out = new ArrayDeque<>();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (long i = 0; i < events; i++) {
                Instant now = Instant.now();
                Object payload;
                LoanSnapshot loan;
                // once 500 loans are out, as many check-ins (and renewals) as check-outs
                if (out.size() < 500 || random.nextBoolean()) {
                    loan = newLoan(random, sites, patrons, titles, now);
                    out.addLast(loan);
                    payload = new LoanCreated(loan, null);
                } else if (random.nextInt(10) == 0) {
                    loan = out.peekFirst();
                    payload = new LoanRenewed(loan);
                } else {
                    loan = out.pollFirst();
                    payload = new LoanClosed(loan, now, loan.siteCode(), "AVAILABLE");
                }
                producer.send(new ProducerRecord<>(TOPIC, loan.loanId().toString(), EventJson.write(
                        EventJson.envelope("circulation-service", loan.siteCode(), loan.loanId().toString(),
                                payload))), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + events + " events could not be published");
        }
        double publish = (System.nanoTime() - started) / 1e9;
        say.accept(String.format(Locale.ROOT, "  published %,d events in %.1f s (%,.0f/s)", events, publish,
                events / publish));
        long deadline = System.nanoTime() + limit.toNanos();
        long maxLag = 0;
        long lastSay = System.nanoTime();
        while (System.nanoTime() < deadline) {
            JsonNode topic = loansTopic();
            long done = topic == null ? 0 : topic.path("applied").asLong() + topic.path("skipped").asLong() - before;
            maxLag = Math.max(maxLag, topic == null ? 0 : topic.path("lag").asLong());
            if (done >= events) {
                return new Result(events, publish, (System.nanoTime() - started) / 1e9, maxLag, true);
            }
            if (System.nanoTime() - lastSay > 5e9) {
                say.accept(String.format(Locale.ROOT, "  %,d of %,d applied", done, events));
                lastSay = System.nanoTime();
            }
            Thread.sleep(50);
        }
        return new Result(events, publish, (System.nanoTime() - started) / 1e9, maxLag, false);
    }

    /**
     * A stack that has seen no loan yet has no loans topic: made here as circulation's relay would need it (a
     * consumer subscribed before it existed finds it at its next metadata refresh, within minutes: run once first).
     */
    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty()))).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot make sure " + TOPIC + " exists: " + e.getMessage(), e);
        }
    }

    private static LoanSnapshot newLoan(Random random, int sites, int patrons, int titles, Instant now) {
        int patron = random.nextInt(patrons);
        boolean teacher = patron % 30 == 0;
        UUID loanId = new UUID(random.nextLong(), random.nextLong());
        // a skewed popularity, as in the reporting history: a few titles are borrowed far more than the rest
        int title = (int) Math.floor(Math.pow(random.nextDouble(), 3) * titles);
        return new LoanSnapshot(loanId, new UUID(0x1000L, random.nextInt(titles * 6)), "I" + loanId.toString()
                .substring(0, 10), new UUID(0x2000L, title), String.format(Locale.ROOT, "S%04d",
                1 + patron % sites), "bench-ingest-" + patron, teacher ? "TEACHER" : "STUDENT",
                teacher ? null : String.valueOf(patron % 13), MATERIAL[random.nextInt(MATERIAL.length)], "REGULAR",
                DEWEY[random.nextInt(DEWEY.length)], now, now.plus(Duration.ofDays(21)), 0);
    }

    private HttpResponse<String> freshness() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(reportingUrl + "/api/v1/reports/freshness"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Events of the loans topic reporting has applied or skipped so far. */
    private long counted() throws IOException, InterruptedException {
        JsonNode topic = loansTopic();
        return topic == null ? 0 : topic.path("applied").asLong() + topic.path("skipped").asLong();
    }

    private JsonNode loansTopic() throws IOException, InterruptedException {
        HttpResponse<String> response = freshness();
        if (response.statusCode() == 401) {
            token = tokens.get();
            response = freshness();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("reporting's freshness answered " + response.statusCode());
        }
        for (JsonNode topic : json.readTree(response.body()).path("topics")) {
            if (TOPIC.equals(topic.path("topic").asText())) {
                return topic;
            }
        }
        return null;
    }
}

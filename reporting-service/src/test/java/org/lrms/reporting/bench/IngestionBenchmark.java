package org.lrms.reporting.bench;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.lrms.reporting.Fixtures.loan;
import static org.lrms.reporting.TestEvents.newSite;

/**
 * Ingestion throughput, a benchmark and not a test: {@code ./mvnw -o verify -pl reporting-service
 * -Dtest=IngestionBenchmark -Dlrms.bench=true}. Prints events per second from the first send to the last event
 * counted in the circulation report.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "lrms.bench", matches = "true")
class IngestionBenchmark {

    private static final int EVENTS = Integer.getInteger("lrms.bench.events", 50_000);

    @Test
    void loanEventsPerSecond() {
        String site = newSite();
        String[] grades = {"K", "1", "2", "3", "4", "5", "6", "7", "8"};
        String[] types = {"BOOK", "DVD", "EBOOK", "MAGAZINE"};
        String[] dewey = {"599.5", "FIC SAC", "973.2", "E SEN", "510", "796.3"};
        String path = "/api/v1/reports/circulation?site=" + site + "&from=2026-08-01&to=2027-06-30";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            // the site must be known before the report can be asked for
            var first = loan(UUID.randomUUID(), UUID.randomUUID(), site, "pk-0", "STUDENT", "K", "BOOK", "599.5",
                    Instant.parse("2026-09-01T17:00:00Z"));
            producer.send(new ProducerRecord<>(Topics.CIRCULATION_LOANS, first.loanId().toString(),
                    EventJson.write(EventJson.envelope("bench", site, first.loanId().toString(),
                            new LoanCreated(first, null)))));
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestTokens.districtAdmin())
                    .when().get(path).statusCode() == 200);

            long start = System.nanoTime();
            for (int i = 1; i < EVENTS; i++) {
                var l = loan(UUID.randomUUID(), UUID.randomUUID(), site, "pk-" + (i % 900), "STUDENT",
                        grades[i % grades.length], types[i % types.length], dewey[i % dewey.length],
                        Instant.parse("2026-09-01T17:00:00Z").plusSeconds(i * 300L));
                producer.send(new ProducerRecord<>(Topics.CIRCULATION_LOANS, l.loanId().toString(),
                        EventJson.write(EventJson.envelope("bench", site, l.loanId().toString(),
                                new LoanCreated(l, null)))));
            }
            producer.flush();
            double sent = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> given().auth().oauth2(TestTokens.districtAdmin()).when().get(path)
                            .then().extract().<Integer>path("totals.checkouts") >= EVENTS);
            double seconds = (System.nanoTime() - start) / 1e9;
            long reportStart = System.nanoTime();
            given().auth().oauth2(TestTokens.districtAdmin()).when().get(path).then().statusCode(200);
            double report = (System.nanoTime() - reportStart) / 1e6;
            System.out.printf("BENCHMARK: %d loan events sent in %.1f s, applied in %.1f s: %.0f events/s;"
                    + " monthly report %.0f ms%n", EVENTS, sent, seconds, EVENTS / seconds, report);
        }
    }
}

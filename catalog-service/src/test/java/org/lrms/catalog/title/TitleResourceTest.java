package org.lrms.catalog.title;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TitleResourceTest {

    private static final String HOLES = """
            {"title":"Holes","authors":["Louis Sachar"],"isbns":["9780440414803"],"publisher":"Yearling",
             "publicationYear":2000,"materialType":"BOOK","deweyNumber":"FIC","subjects":["Juvenile fiction"]}
            """;

    @Test
    void staffCreatesATitleAndItsEventReachesKafka() {
        String id = given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON).body(HOLES)
                .when().post("/api/v1/titles")
                .then().statusCode(201)
                .body("title", equalTo("Holes"))
                .body("authors", hasItem("Louis Sachar"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.student("LHS")).when().get("/api/v1/titles/" + id)
                .then().statusCode(200).body("isbns", hasItem("9780440414803"));

        EventEnvelope event = awaitEvent(Topics.CATALOG_TITLES, id);
        assertEquals("TitleCreated", event.type());
        assertEquals("catalog-service", event.source());
        assertEquals("Holes", EventJson.payload(event, TitleCreated.class).title().title());
    }

    @Test
    void anonymousCallerGets401Problem() {
        given().contentType(ContentType.JSON).body(HOLES).when().post("/api/v1/titles")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void expiredTokenGets401() {
        given().auth().oauth2(TestTokens.expired()).contentType(ContentType.JSON).body(HOLES)
                .when().post("/api/v1/titles")
                .then().statusCode(401);
    }

    @Test
    void studentCannotCreateTitles() {
        given().auth().oauth2(TestTokens.student("LHS")).contentType(ContentType.JSON).body(HOLES)
                .when().post("/api/v1/titles")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void missingTitleIsA400ThatNamesTheField() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body("{\"authors\":[\"X\"]}")
                .when().post("/api/v1/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/v1/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed-body"));
    }

    @Test
    void unknownTitleIsA404Problem() {
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
    }

    static EventEnvelope awaitEvent(String topic, String aggregateId) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<EventEnvelope> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (aggregateId.equals(r.key())) {
                        seen.add(EventJson.read(r.value()));
                    }
                }
                return !seen.isEmpty();
            });
        }
        return seen.get(0);
    }
}

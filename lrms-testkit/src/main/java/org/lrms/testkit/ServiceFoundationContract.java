package org.lrms.testkit;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What every LRMS service answers from its first start: health that knows its database, Kafka and the sign-on
 * provider, OpenAPI, metrics, and errors as problem+json. Each service runs it with a one-line {@code @QuarkusTest}
 * subclass.
 */
public abstract class ServiceFoundationContract {

    @Test
    void livenessAnswers() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabaseKafkaAndTheSignOnProvider() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem("Sign-on provider (OIDC)"));
    }

    @Test
    void openApiIsPublished() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", containsString("3."));
    }

    @Test
    void prometheusMetricsArePublished() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server"))
                .body(containsString("lrms_outbox"));
    }

    @Test
    void unknownPathIsAProblemWithoutStackTrace() {
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body(not(containsString("Exception")));
    }
}

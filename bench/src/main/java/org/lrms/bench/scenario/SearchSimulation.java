package org.lrms.bench.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Catalog search with a realistic query mix (the generator writes it: title words, author names, subjects, ISBNs,
 * misspellings, filtered queries), anonymous as at a student kiosk; open model.
 */
public class SearchSimulation extends Simulation {

    /** The request's name in Gatling's report. */
    public static final String REQUEST = "search";

    HttpProtocolBuilder protocol = http.baseUrl(Params.text("catalogUrl")).shareConnections();

    Phases phases = Phases.fromParams();

    ScenarioBuilder search = scenario("catalog search")
            .feed(csv(Params.text("feed")).circular())
            .exec(phases.mark())
            .exec(http(Phases.named(REQUEST)).get("/api/v1/search?#{query}").check(status().is(200)));

    {
        setUp(search.injectOpen(constantUsersPerSec(Params.number("rate", 100)).during(phases.total())))
                .protocols(protocol);
    }
}

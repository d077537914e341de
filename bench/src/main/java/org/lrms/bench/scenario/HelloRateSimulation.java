package org.lrms.bench.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The floor of a response time at a given arrival rate on this machine: the catalog's cheapest endpoint (liveness: no
 * token, no database, no Kafka), offered at the barcode lookup's rate by the same load generator, open model. What
 * its p99 shows is the machine's own share of any tail at that rate (a thread waiting for one of the two cores, the
 * load generator's own work), which no service code can take away.
 */
public class HelloRateSimulation extends Simulation {

    /** The request's name in Gatling's report. */
    public static final String REQUEST = "hello";

    HttpProtocolBuilder protocol = http.baseUrl(Params.text("catalogUrl")).shareConnections();

    Phases phases = Phases.fromParams();

    ScenarioBuilder hello = scenario("hello at a rate")
            .exec(phases.mark())
            .exec(http(Phases.named(REQUEST)).get("/q/health/live").check(status().is(200)));

    {
        setUp(hello.injectOpen(constantUsersPerSec(Params.number("rate", 500)).during(phases.total())))
                .protocols(protocol);
    }
}

package org.lrms.bench.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The HTTP limit of this machine for a Quarkus service: the same number of closed-loop clients as the desk storm,
 * on the cheapest endpoint a service has (liveness: no database, no Kafka). Every HTTP figure is read against it.
 */
public class HelloSimulation extends Simulation {

    HttpProtocolBuilder protocol = http.baseUrl(Params.text("catalogUrl")).shareConnections();

    ScenarioBuilder hello = scenario("hello")
            .forever().on(exec(http("hello").get("/q/health/live").check(status().is(200))));

    {
        setUp(hello.injectClosed(constantConcurrentUsers(Params.number("desks", 32)).during(Params.duration())))
                .protocols(protocol)
                .maxDuration(Params.duration());
    }
}

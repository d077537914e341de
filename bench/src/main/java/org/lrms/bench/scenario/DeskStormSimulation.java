package org.lrms.bench.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Desk storm, closed model: N desks scanning as fast as they can, each checking a copy out and back in, again and
 * again. Its throughput is read against pgbench's TPS at the same client count.
 */
public class DeskStormSimulation extends Simulation {

    HttpProtocolBuilder protocol = http.baseUrl(Params.text("circulationUrl"))
            .authorizationHeader(Params.bearer()).contentTypeHeader("application/json").shareConnections();

    Phases phases = Phases.fromParams();

    ScenarioBuilder desks = scenario("desk storm")
            .forever().on(
                    io.gatling.javaapi.core.CoreDsl.feed(csv(Params.text("feed")).shuffle().circular())
                            .exec(phases.mark())
                            .exec(DeskLatencySimulation.DeskSteps.checkOut())
                            .exec(DeskLatencySimulation.DeskSteps.checkIn()));

    {
        setUp(desks.injectClosed(constantConcurrentUsers(Params.number("desks", 32)).during(phases.total())))
                .protocols(protocol)
                .maxDuration(phases.total());
    }
}

package org.lrms.bench.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Desk storm, closed model: N desks scanning as fast as they can, each checking a copy out and back in, again and
 * again. Its throughput is read against pgbench's TPS at the same client count.
 * <p>
 * A desk starts no new round once the run's time is up, but finishes the one it is in: a desk cut off between its
 * check-out and its check-in left the copy on loan, and a later run that drew it got {@code item-on-loan} (15-43
 * such 409s per storm before). The last rounds' requests, answered up to a round after the end, count in the
 * measured run (at most two per desk: 64 of ~15,000 requests with 32 desks).
 */
public class DeskStormSimulation extends Simulation {

    /** How long past the run's time a desk may take to finish its round (Gatling's own request timeout is 60 s). */
    static final Duration ROUND_LIMIT = Duration.ofSeconds(90);

    HttpProtocolBuilder protocol = http.baseUrl(Params.text("circulationUrl"))
            .authorizationHeader(Params.bearer()).contentTypeHeader("application/json").shareConnections();

    Phases phases = Phases.fromParams();

    ScenarioBuilder desks = scenario("desk storm")
            .during(phases.total(), false).on(
                    io.gatling.javaapi.core.CoreDsl.feed(csv(Params.text("feed")).shuffle().circular())
                            .exec(phases.mark())
                            .exec(DeskLatencySimulation.DeskSteps.checkOut())
                            .exec(DeskLatencySimulation.DeskSteps.checkIn()));

    {
        setUp(desks.injectClosed(constantConcurrentUsers(Params.number("desks", 32)).during(phases.total())))
                .protocols(protocol)
                .maxDuration(phases.total().plus(ROUND_LIMIT));
    }
}

package org.lrms.bench.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** Barcode lookup at the catalog, as a scan at a desk does it: open model, constant arrival rate. */
public class BarcodeLookupSimulation extends Simulation {

    /** The request's name in Gatling's report. */
    public static final String REQUEST = "GET copy by barcode";

    HttpProtocolBuilder protocol = http.baseUrl(Params.text("catalogUrl"))
            .authorizationHeader(Params.bearer()).shareConnections();

    Phases phases = Phases.fromParams();

    ScenarioBuilder lookup = scenario("barcode lookup")
            .feed(csv(Params.text("feed")).circular())
            .exec(phases.mark())
            .exec(http(Phases.named(REQUEST)).get("/api/v1/copies/#{itemBarcode}").check(status().is(200)));

    {
        setUp(lookup.injectOpen(constantUsersPerSec(Params.number("rate", 500)).during(phases.total())))
                .protocols(protocol);
    }
}

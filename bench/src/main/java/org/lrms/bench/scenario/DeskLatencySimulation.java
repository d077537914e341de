package org.lrms.bench.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Desk latency, open model: patrons arrive at a constant rate whatever the service's speed (so queueing shows
 * honestly); each checks a copy out and back in, giving the same rate of check-outs and of check-ins.
 * The feeder hands each arrival a copy and a patron of one site, in a shuffled order going round all the desk
 * copies, so no two arrivals in flight share a copy, and a copy a cut-off earlier run left on loan is met rarely.
 */
public class DeskLatencySimulation extends Simulation {

    HttpProtocolBuilder protocol = http.baseUrl(Params.text("circulationUrl"))
            .authorizationHeader(Params.bearer()).contentTypeHeader("application/json").shareConnections();

    Phases phases = Phases.fromParams();

    ScenarioBuilder desk = scenario("desk")
            .feed(csv(Params.text("feed")).shuffle().circular())
            .exec(phases.mark())
            .exec(DeskSteps.checkOut())
            .exec(DeskSteps.checkIn());

    {
        setUp(desk.injectOpen(constantUsersPerSec(Params.number("rate", 500)).during(phases.total())))
                .protocols(protocol);
    }

    /** The two desk requests, shared by the latency and the storm scenarios. */
    public static final class DeskSteps {
        /** The requests' names in Gatling's report. */
        public static final String CHECK_OUT = "check-out";
        public static final String CHECK_IN = "check-in";

        private DeskSteps() {
        }

        /**
         * That the answer names no refusal: a refused request fails on this check, so Gatling's error table (and the
         * report, {@link GatlingRun.Result#errors}) says which refusal, e.g. {@code item-on-loan}. Gatling checks the
         * status before the body whatever their order here, so the status is checked only of an answer that names
         * no refusal ({@link #answered}): a refusal would otherwise fail as "found 409" and never be named.
         */
        private static final io.gatling.javaapi.core.CheckBuilder NO_REFUSAL =
                regex("\"code\":\"([^\"]+)\"").notExists();

        static io.gatling.javaapi.http.HttpRequestActionBuilder checkOut() {
            return answered(http(Phases.named(CHECK_OUT)).post("/api/v1/checkouts")
                    .body(StringBody("{\"siteCode\":\"#{siteCode}\",\"patronBarcode\":\"#{patronBarcode}\","
                            + "\"itemBarcode\":\"#{itemBarcode}\"}")), 201);
        }

        static io.gatling.javaapi.http.HttpRequestActionBuilder checkIn() {
            return answered(http(Phases.named(CHECK_IN)).post("/api/v1/checkins")
                    .body(StringBody("{\"siteCode\":\"#{siteCode}\",\"itemBarcode\":\"#{itemBarcode}\"}")), 200, 201);
        }

        /** No refusal named, and then one of {@code statuses} (an answer with no problem body, e.g. a proxy's 502). */
        private static io.gatling.javaapi.http.HttpRequestActionBuilder answered(
                io.gatling.javaapi.http.HttpRequestActionBuilder request, Integer... statuses) {
            return request.check(NO_REFUSAL)
                    .checkIf((response, session) -> !response.body().string().contains("\"code\":\""))
                    .then(status().in(statuses));
        }
    }
}

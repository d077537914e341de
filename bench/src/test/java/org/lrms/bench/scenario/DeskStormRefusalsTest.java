package org.lrms.bench.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk storm run by Gatling itself against a stub desk: a refused check-out fails on the refusal it names, and
 * an answer with no problem body on its status, so the report says which refusals a storm met.
 */
class DeskStormRefusalsTest {

    @Test
    void aRefusedCheckOutIsCountedUnderItsRefusalAndABareErrorUnderItsStatus(@TempDir Path dir) throws Exception {
        HttpServer desk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        desk.createContext("/api/v1/checkouts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"ON-LOAN\"")) {
                answer(exchange, 409, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Conflict\","
                        + "\"status\":409,\"detail\":\"the item is on loan\",\"code\":\"item-on-loan\"}");
            } else if (body.contains("\"BROKEN\"")) {
                answer(exchange, 502, "text/html", "<html>Bad Gateway</html>");
            } else {
                answer(exchange, 201, "application/json", "{\"id\":\"l1\",\"siteCode\":\"S1\"}");
            }
        });
        desk.createContext("/api/v1/checkins", exchange -> answer(exchange, 200, "application/json",
                "{\"loanId\":\"l1\",\"itemBarcode\":\"OK\"}"));
        desk.start();
        try {
            Path feed = Files.writeString(dir.resolve("desk.csv"),
                    "siteCode,patronBarcode,itemBarcode\nS1,P1,OK\nS1,P2,ON-LOAN\nS1,P3,BROKEN\n");
            String url = "http://127.0.0.1:" + desk.getAddress().getPort();
            GatlingRun.Result result = new GatlingRun(System.getProperty("java.class.path"), dir).run(
                    DeskStormSimulation.class, Map.of("circulationUrl", url, "token", "t", "feed", feed.toString(),
                            "desks", "2", "duration", "2", "warmup", "0"),
                    dir.resolve("gatling.log"));

            Map<String, Long> errors = result.errors();
            assertEquals(2, errors.size(), errors::toString);
            assertTrue(errors.keySet().stream().anyMatch(m -> m.startsWith("regex") && m.endsWith("item-on-loan")),
                    errors::toString);
            assertTrue(errors.keySet().stream().anyMatch(m -> m.startsWith("status") && m.endsWith("found 502")),
                    errors::toString);
            assertTrue(result.figures().get("check-in").requests() > 0, result.figures()::toString);
        } finally {
            desk.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

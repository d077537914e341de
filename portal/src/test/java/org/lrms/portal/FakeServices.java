package org.lrms.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server standing in for the catalog service (it records what it receives and answers like a service),
 * and a circulation service that is down: a port where nothing listens.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** What the fake catalog received last ({@code bytes}: the body as sent, {@code body} as UTF-8 text). */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body, byte[] bytes) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static final AtomicReference<Received> LAST = new AtomicReference<>();
    private HttpServer catalog;

    @Override
    public Map<String, String> start() {
        try {
            catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catalog.createContext("/", FakeServices::answer);
        catalog.start();
        return Map.of(
                "lrms.portal.services.catalog.url", "http://127.0.0.1:" + catalog.getAddress().getPort(),
                "lrms.portal.services.circulation.url", "http://127.0.0.1:" + unusedPort(),
                "lrms.portal.oidc.auth-server-url", "http://localhost:18180/realms/district");
    }

    @Override
    public void stop() {
        if (catalog != null) {
            catalog.stop(0);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        LAST.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body, bytes));
        if (path.equals("/q/health/ready")) {
            send(exchange, 200, "application/json", "{\"status\":\"UP\"}");
        } else if ("application/pdf".equals(exchange.getRequestHeaders().getFirst("Accept"))
                && exchange.getRequestHeaders().getFirst("Authorization") != null) {
            send(exchange, 200, "application/pdf", PDF);
        } else if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            send(exchange, 401, "application/problem+json", "{\"status\":401,\"title\":\"Unauthorized\"}");
        } else if (exchange.getRequestMethod().equals("GET") && path.endsWith("/photo")) {
            exchange.getResponseHeaders().add("Cache-Control", "private, no-store");
            send(exchange, 200, "image/png", PICTURE);
        } else if (exchange.getRequestMethod().equals("PUT") && path.endsWith("/photo")) {
            send(exchange, 200, "application/json", "{\"contentType\":\"image/png\",\"bytes\":" + bytes.length
                    + ",\"width\":1,\"height\":1}");
        } else if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/titles")) {
            exchange.getResponseHeaders().add("Location", "/api/v1/titles/7");
            send(exchange, 201, "application/json", "{\"id\":\"7\",\"received\":" + body + "}");
        } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/api/v1/titles/")) {
            exchange.getResponseHeaders().add("ETag", "\"3\"");
            send(exchange, 200, "application/json", "{\"id\":\"" + path.substring(15) + "\",\"title\":\"Holes\"}");
        } else {
            send(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
        }
    }

    /** A printable answer (as circulation's hold pull list or notices): bytes that are not UTF-8 text. */
    static final byte[] PDF = {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', '%', (byte) 0xE2, (byte) 0xE3,
            (byte) 0xCF, (byte) 0xD3, '\n', 0, (byte) 0xFF};

    /** A patron's picture (as circulation's): a PNG's signature and bytes that are not UTF-8 text. */
    static final byte[] PICTURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, (byte) 0xC3,
            (byte) 0xFF, (byte) 0x80};

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

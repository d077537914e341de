package org.lrms.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sign-on provider that answers late, like a Keycloak still starting when the service starts: it serves the realm's
 * discovery document and the test key as its JWKS (so {@link TestTokens} verify), but holds every request it gets
 * until the test opens it, and counts them. Use it from a {@code QuarkusTestProfile}'s {@code testResources()}: it
 * points {@code quarkus.oidc.auth-server-url} at itself and clears the test profile's public key.
 * <p>
 * The test drives it over HTTP, at the same host and port as the realm ({@link #openUrl}, {@link #statsUrl}): a test
 * resource and the test do not share classes.
 */
public class TestSignOnProvider implements QuarkusTestResourceLifecycleManager {

    private static final String REALM = "/realms/district";

    private final CountDownLatch opened = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private ExecutorService threads;
    private HttpServer server;

    /** POST here to let the provider answer, the held requests first. */
    public static String openUrl(String authServerUrl) {
        return authServerUrl.replace(REALM, "/control/open");
    }

    /** GET here: {@code {"requests": n, "open": true|false}}, n counting every request to the realm. */
    public static String statsUrl(String authServerUrl) {
        return authServerUrl.replace(REALM, "/control/stats");
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no port for the test sign-on provider", e);
        }
        threads = Executors.newCachedThreadPool();   // a held request must not hold up the next one
        server.setExecutor(threads);
        server.createContext(REALM + "/", this::realm);
        server.createContext("/control/", this::control);
        server.start();
        String realm = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        return Map.of("quarkus.oidc.auth-server-url", realm, "quarkus.oidc.public-key", "");
    }

    @Override
    public void stop() {
        opened.countDown();
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private void realm(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            opened.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        String path = exchange.getRequestURI().getPath();
        if (path.equals(REALM + "/.well-known/openid-configuration")) {
            answer(exchange, 200, """
                    {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                     "token_endpoint": "%s/protocol/openid-connect/token"}""".formatted(TestTokens.ISSUER, base, base));
        } else if (path.equals(REALM + "/protocol/openid-connect/certs")) {
            answer(exchange, 200, jwks());
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/control/open") && exchange.getRequestMethod().equals("POST")) {
            opened.countDown();
            answer(exchange, 200, "{\"open\": true}");
        } else if (path.equals("/control/stats")) {
            answer(exchange, 200, "{\"requests\": %d, \"open\": %b}".formatted(requests.get(), opened.getCount() == 0));
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The test key's public half as a JSON Web Key Set (no kid: test tokens carry none). */
    private static String jwks() {
        RSAPublicKey key;
        try {
            key = (RSAPublicKey) KeyUtils.readPublicKey(TestTokens.PUBLIC_KEY_RESOURCE);
        } catch (Exception e) {
            throw new IllegalStateException("test public key missing", e);
        }
        return """
                {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "n": "%s", "e": "%s"}]}"""
                .formatted(base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);   // unsigned, big-endian
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

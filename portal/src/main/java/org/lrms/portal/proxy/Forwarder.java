package org.lrms.portal.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.lrms.portal.PortalConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Sends one request on to a service and turns its answer, or its absence, into the portal's answer. */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    /** Hop-by-hop headers (RFC 9110 7.6.1), what the HTTP client sets itself, and cookies (the services use none). */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "cookie", "set-cookie");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    PortalConfig config;

    Response forward(String method, String service, String path, UriInfo uri, HttpHeaders headers,
                     InputStream body) {
        PortalConfig.Service target = config.services().get(service);
        if (target == null) {
            return problem(Response.Status.NOT_FOUND, "no service named " + service + " behind this portal");
        }
        String query = uri.getRequestUri().getRawQuery();
        URI destination = URI.create(stripSlash(target.url().toString()) + "/api/v1" + rawPath(uri, service)
                + (query == null ? "" : "?" + query));
        HttpRequest.Builder request;
        try {
            // read here, on the request's worker thread: the service gets a Content-Length and a complete body
            request = HttpRequest.newBuilder(destination).timeout(config.proxyTimeout())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
        } catch (IOException e) {
            return problem(Response.Status.BAD_REQUEST, "the request body could not be read");
        }
        for (Map.Entry<String, List<String>> header : headers.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return problem(Response.Status.GATEWAY_TIMEOUT, "the " + service + " service did not answer in time");
        } catch (ConnectException e) {
            return problem(Response.Status.BAD_GATEWAY, "the " + service + " service is not reachable");
        } catch (IOException e) {
            LOG.warnf("proxying %s %s to %s failed: %s", method, path, service, e.toString());
            return problem(Response.Status.BAD_GATEWAY, "the " + service + " service is not reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(Response.Status.SERVICE_UNAVAILABLE, "the portal is shutting down");
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(lower) || lower.startsWith(":")) {
                return;
            }
            for (String value : values) {
                response.header(name, lower.equals("location") ? portalLocation(value, service, target) : value);
            }
        });
        if (answer.body().length > 0 && !"HEAD".equals(method)) {
            response.entity(answer.body());
        }
        return response.build();
    }

    /** The service-relative path after {@code /api/{service}/v1}, still percent-encoded as the caller sent it. */
    private static String rawPath(UriInfo uri, String service) {
        String raw = uri.getRequestUri().getRawPath();
        String prefix = "/api/" + service + "/v1";
        return raw.startsWith(prefix) ? raw.substring(prefix.length()) : "";
    }

    /** A service's Location ({@code /api/v1/titles/42} or absolute) as the browser must follow it: via the portal. */
    static String portalLocation(String location, String service, PortalConfig.Service target) {
        String base = stripSlash(target.url().toString());
        String relative = location.startsWith(base) ? location.substring(base.length()) : location;
        if (relative.startsWith("/api/v1")) {
            return "/api/" + service + "/v1" + relative.substring("/api/v1".length());
        }
        return location;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Response problem(Response.Status status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status",
                        status.getStatusCode(), "detail", detail))
                .build();
    }
}

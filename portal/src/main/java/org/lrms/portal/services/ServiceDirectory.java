package org.lrms.portal.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.portal.PortalConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The services behind the portal, in the order the UI lists them, and their readiness. */
@ApplicationScoped
public class ServiceDirectory {

    static final List<String> ORDER = List.of("catalog", "circulation", "textbook", "acquisitions", "reporting");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Inject
    PortalConfig config;

    PortalView portal() {
        List<PortalView.ServiceLink> links = names().stream().map(name -> {
            String base = base(name);
            return new PortalView.ServiceLink(name, "/api/" + name + "/v1", base + "/q/swagger-ui",
                    base + "/q/openapi", base + "/q/health/ready");
        }).toList();
        return new PortalView(new PortalView.Oidc(config.oidc().authServerUrl(), config.oidc().clientId()), links);
    }

    /** Asks every service's /q/health/ready at once; a service that does not answer within 2 s is unreachable. */
    List<ServiceStatus> statuses() {
        List<CompletableFuture<ServiceStatus>> checks = names().stream().map(name -> client
                .sendAsync(HttpRequest.newBuilder(URI.create(base(name) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(answer -> new ServiceStatus(name, answer.statusCode() == 200 ? "UP" : "DOWN"))
                .exceptionally(failure -> new ServiceStatus(name, "UNREACHABLE"))).toList();
        return checks.stream().map(CompletableFuture::join).toList();
    }

    private List<String> names() {
        return config.services().keySet().stream()
                .sorted(Comparator.comparingInt((String name) -> ORDER.contains(name) ? ORDER.indexOf(name)
                        : ORDER.size()).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private String base(String name) {
        String url = config.services().get(name).url().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

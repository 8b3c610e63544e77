package dev.trellis.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers are not stored by browsers or proxies: they carry personal data (contacts, registrations, the one-time
 * cancel token) and each caller's own view. {@code Cache-Control: no-store} on every response but {@code /q/*} that
 * does not set its own (a public calendar feed may).
 */
public class NoStore {

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL) && !request.getUriInfo().getPath().startsWith("/q/")) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}

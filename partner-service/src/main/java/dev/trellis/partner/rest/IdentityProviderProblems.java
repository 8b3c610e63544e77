package dev.trellis.partner.rest;

import dev.trellis.partner.service.IdentityProviderFailure;
import dev.trellis.platform.http.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Keycloak's failures as problem+json: 503 {@code identity-provider-unavailable} when it cannot be reached,
 * 502 {@code identity-provider-refused} when it answered with an error. A gateway status, so HTTP's own:
 * platform's domain exceptions have no kind for an upstream that failed.
 */
public class IdentityProviderProblems {

    @ServerExceptionMapper
    public Response failure(IdentityProviderFailure e, UriInfo uri) {
        boolean unreachable = e.unreachable();
        int status = unreachable ? 503 : 502;
        Problem problem = new Problem(
                Problem.type(unreachable ? "identity-provider-unavailable" : "identity-provider-refused"),
                unreachable ? "Identity provider unavailable" : "Identity provider refused", status, e.detail(),
                uri == null ? null : uri.getPath(), List.of());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

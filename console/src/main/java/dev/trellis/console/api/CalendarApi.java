package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * advisory-service's private board calendar feeds, through the gateway (advisory-service/README.md): a secret
 * address per user, shown once when it is made, listed without it afterwards, revoked for good. The public
 * event feeds need no call: they are addresses ({@code /api/calendar/events.ics}, {@code /api/user-groups/{id}/calendar.ics}).
 */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api/boards/{boardId}/calendar-feeds")
public interface CalendarApi {

    /** A feed; {@code feedUrl} (the secret address) only in the answer that made it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Feed(UUID id, UUID boardId, String owner, String feedUrl, Instant createdAt, Instant lastFetchedAt, Instant revokedAt,
            String revokedBy) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    @GET
    Page<Feed> feeds(@PathParam("boardId") UUID boardId, @QueryParam("limit") Integer limit);

    @POST
    @Consumes("application/json")
    Feed create(@PathParam("boardId") UUID boardId, String empty);

    @DELETE
    @Path("/{feedId}")
    Feed revoke(@PathParam("boardId") UUID boardId, @PathParam("feedId") UUID feedId);
}

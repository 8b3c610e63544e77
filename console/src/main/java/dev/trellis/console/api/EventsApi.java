package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** event-service's routes, through the gateway (event-service/README.md). */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api/events")
public interface EventsApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(UUID id, String kind, String title, String description, Instant startsAt, Instant endsAt, String timeZone,
            String venue, String onlineUrl, Integer capacity, Instant registrationOpensAt, Instant registrationClosesAt,
            String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registration(UUID id, UUID eventId, UUID contactId, String name, String email, UUID partnerId, String partnerName,
            String source, String status, Instant checkedInAt, Instant createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewRegistration(UUID contactId, String name, String email, String source) {
    }

    record CheckIn(UUID registrationId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(int line, String email, String outcome, UUID registrationId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BulkCheckIn(long checkedIn, long already, long unknown, long waitlisted, long invalid, long notOpen, List<Line> lines) {
    }

    @GET
    Page<Event> events(@QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/{id}")
    Event event(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/registrations")
    Page<Registration> registrations(@PathParam("id") UUID eventId, @QueryParam("status") String status,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("/{id}/registrations")
    @Consumes("application/json")
    Registration register(@PathParam("id") UUID eventId, NewRegistration registration);

    @POST
    @Path("/{id}/check-ins")
    @Consumes("application/json")
    Registration checkIn(@PathParam("id") UUID eventId, CheckIn checkIn);

    @POST
    @Path("/{id}/check-ins")
    @Consumes("text/csv")
    BulkCheckIn checkInAll(@PathParam("id") UUID eventId, String csv);

    @DELETE
    @Path("/{id}/check-ins/{registrationId}")
    Registration undoCheckIn(@PathParam("id") UUID eventId, @PathParam("registrationId") UUID registrationId);
}

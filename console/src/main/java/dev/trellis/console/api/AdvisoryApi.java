package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** advisory-service's routes, through the gateway (advisory-service/README.md). */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api")
public interface AdvisoryApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Board(UUID id, String name, String kind) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Flag(String rule, String reasonCode, String detail, Instant flaggedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Seat(UUID id, UUID boardId, String kind, UUID holderContactId, UUID partnerId, String partnerName, String tierBasis,
            LocalDate termStart, LocalDate termEnd, UUID alternateContactId, String status, String votingStatus,
            LocalDate vacatedOn, String vacateReason, List<Flag> flags) {
        public List<Flag> flags() {
            return flags == null ? List.of() : flags;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Override(UUID id, UUID seatId, String rule, String detail, String reason, String overriddenBy, Instant overriddenAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(UUID partnerId, String name, int seats) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Composition(UUID boardId, String name, String kind, List<Company> companies) {
        public List<Company> companies() {
            return companies == null ? List.of() : companies;
        }
    }

    record OverrideRequest(Set<String> rules, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Appointment(UUID holderContactId, UUID partnerId, String kind, String tierBasis, LocalDate termStart,
            LocalDate termEnd, UUID alternateContactId, OverrideRequest override) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Vacate(LocalDate effectiveDate, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CalendarFeed(UUID id, String feedUrl) {
    }

    @GET
    @Path("/boards")
    Page<Board> boards(@QueryParam("limit") Integer limit);

    @GET
    @Path("/boards/{id}")
    Board board(@PathParam("id") UUID id);

    @GET
    @Path("/boards/{id}/seats")
    Page<Seat> seats(@PathParam("id") UUID boardId, @QueryParam("status") String status, @QueryParam("limit") Integer limit);

    @GET
    @Path("/boards/{id}/seats/{seatId}")
    RestResponse<Seat> seat(@PathParam("id") UUID boardId, @PathParam("seatId") UUID seatId);

    @POST
    @Path("/boards/{id}/seats")
    @Consumes("application/json")
    Seat appoint(@PathParam("id") UUID boardId, Appointment appointment);

    @POST
    @Path("/boards/{id}/seats/{seatId}/vacate")
    @Consumes("application/json")
    Seat vacate(@PathParam("id") UUID boardId, @PathParam("seatId") UUID seatId, @HeaderParam("If-Match") String ifMatch, Vacate vacate);

    @GET
    @Path("/boards/{id}/overrides")
    Page<Override> overrides(@PathParam("id") UUID boardId, @QueryParam("limit") Integer limit);

    @GET
    @Path("/board-compositions")
    Page<Composition> compositions(@QueryParam("limit") Integer limit);

    @POST
    @Path("/boards/{id}/calendar-feeds")
    @Consumes("application/json")
    CalendarFeed newCalendarFeed(@PathParam("id") UUID boardId, String empty);
}

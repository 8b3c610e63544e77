package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** event-service's routes, through the gateway (event-service/README.md): events, registrations, check-in, sponsorships, user groups. */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api")
public interface EventsApi {

    String MERGE_PATCH = "application/merge-patch+json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(UUID id, String kind, String title, String description, Instant startsAt, Instant endsAt, String timeZone,
            String venue, String onlineUrl, Integer capacity, Instant registrationOpensAt, Instant registrationClosesAt,
            UUID userGroupId, String status) {

        /** When it starts, on the clock of the place it is held ({@code 2027-02-18 16:00}). */
        public String startsLocal() {
            return local(startsAt, timeZone);
        }

        public String endsLocal() {
            return local(endsAt, timeZone);
        }

        public String registrationOpensLocal() {
            return local(registrationOpensAt, timeZone);
        }

        public String registrationClosesLocal() {
            return local(registrationClosesAt, timeZone);
        }

        static String local(Instant at, String zone) {
            if (at == null) {
                return "";
            }
            try {
                return LOCAL.format(at.atZone(java.time.ZoneId.of(zone)));
            } catch (java.time.DateTimeException | NullPointerException unknownZone) {
                return LOCAL.format(at.atZone(java.time.ZoneOffset.UTC)) + " UTC";
            }
        }
    }

    java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A new event (it starts as a draft); left-out fields are absent from the body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewEvent(String kind, String title, String description, Instant startsAt, Instant endsAt, String timeZone,
            String venue, String onlineUrl, Integer capacity, Instant registrationOpensAt, Instant registrationClosesAt,
            UUID userGroupId) {
    }

    record StatusChange(String status) {
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sponsorship(UUID id, UUID eventId, UUID partnerId, String partnerName, String level, BigDecimal amount,
            String currency, String status, Instant createdAt) {
    }

    record NewSponsorship(UUID partnerId, String level, BigDecimal amount, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organiser(UUID contactId, UUID partnerId, String partnerName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserGroup(UUID id, String name, String city, String country, List<UUID> organiserIds, List<Organiser> organisers,
            long meetupsHeld, Instant lastMeetupAt, String health, boolean eligible) {
        public List<Organiser> organisers() {
            return organisers == null ? List.of() : organisers;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewUserGroup(String name, String city, String country, List<UUID> organiserIds) {
    }

    @GET
    @Path("/events")
    Page<Event> events(@QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/events/{id}")
    RestResponse<Event> event(@PathParam("id") UUID id);

    @POST
    @Path("/events")
    @Consumes("application/json")
    Event create(NewEvent event);

    @PATCH
    @Path("/events/{id}")
    @Consumes(MERGE_PATCH)
    Event change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> patch);

    @POST
    @Path("/events/{id}/status-changes")
    @Consumes("application/json")
    Event changeStatus(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, StatusChange change);

    @GET
    @Path("/events/{id}/registrations")
    Page<Registration> registrations(@PathParam("id") UUID eventId, @QueryParam("status") String status,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("/events/{id}/registrations")
    @Consumes("application/json")
    Registration register(@PathParam("id") UUID eventId, NewRegistration registration);

    @GET
    @Path("/events/{id}/registrations/{registrationId}")
    Registration registration(@PathParam("id") UUID eventId, @PathParam("registrationId") UUID registrationId);

    @DELETE
    @Path("/events/{id}/registrations/{registrationId}")
    Registration cancelRegistration(@PathParam("id") UUID eventId, @PathParam("registrationId") UUID registrationId);

    @POST
    @Path("/events/{id}/check-ins")
    @Consumes("application/json")
    Registration checkIn(@PathParam("id") UUID eventId, CheckIn checkIn);

    @POST
    @Path("/events/{id}/check-ins")
    @Consumes("text/csv")
    BulkCheckIn checkInAll(@PathParam("id") UUID eventId, String csv);

    @DELETE
    @Path("/events/{id}/check-ins/{registrationId}")
    Registration undoCheckIn(@PathParam("id") UUID eventId, @PathParam("registrationId") UUID registrationId);

    @GET
    @Path("/events/{id}/sponsorships")
    Page<Sponsorship> sponsorships(@PathParam("id") UUID eventId, @QueryParam("limit") Integer limit);

    @GET
    @Path("/events/{id}/sponsorships/{sponsorshipId}")
    RestResponse<Sponsorship> sponsorship(@PathParam("id") UUID eventId, @PathParam("sponsorshipId") UUID sponsorshipId);

    @POST
    @Path("/events/{id}/sponsorships")
    @Consumes("application/json")
    Sponsorship propose(@PathParam("id") UUID eventId, NewSponsorship sponsorship);

    @POST
    @Path("/events/{id}/sponsorships/{sponsorshipId}/confirmation")
    Sponsorship confirm(@PathParam("id") UUID eventId, @PathParam("sponsorshipId") UUID sponsorshipId,
            @HeaderParam("If-Match") String ifMatch);

    @DELETE
    @Path("/events/{id}/sponsorships/{sponsorshipId}")
    Sponsorship cancelSponsorship(@PathParam("id") UUID eventId, @PathParam("sponsorshipId") UUID sponsorshipId,
            @HeaderParam("If-Match") String ifMatch);

    @GET
    @Path("/user-groups")
    Page<UserGroup> userGroups(@QueryParam("limit") Integer limit);

    @POST
    @Path("/user-groups")
    @Consumes("application/json")
    UserGroup createUserGroup(NewUserGroup group);

    @GET
    @Path("/user-groups/{id}")
    RestResponse<UserGroup> userGroup(@PathParam("id") UUID id);

    /** A meetup on a user group's page: published, completed or cancelled (no drafts), newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meetup(UUID id, String title, Instant startsAt, String timeZone, String status) {
        public String startsLocal() {
            return Event.local(startsAt, timeZone);
        }
    }

    /** One user group as its own route answers it: with its organisers' contact ids and its meetups. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserGroupDetail(UUID id, String name, String city, String country, List<UUID> organiserIds,
            List<Organiser> organisers, long meetupsHeld, Instant lastMeetupAt, String health, boolean eligible,
            List<Meetup> meetups) {
        public List<UUID> organiserIds() {
            return organiserIds == null ? List.of() : organiserIds;
        }

        public List<Organiser> organisers() {
            return organisers == null ? List.of() : organisers;
        }

        public List<Meetup> meetups() {
            return meetups == null ? List.of() : meetups;
        }
    }

    @GET
    @Path("/user-groups/{id}")
    RestResponse<UserGroupDetail> userGroupDetail(@PathParam("id") UUID id);

    @PATCH
    @Path("/user-groups/{id}")
    @Consumes(MERGE_PATCH)
    UserGroup changeUserGroup(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> patch);
}

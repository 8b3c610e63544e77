package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    // ---- meetings, attendance and quorum, resolutions (advisory-service's MeetingResource) ----

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meeting(UUID id, UUID boardId, String title, LocalDateTime startsAt, String timeZone, Instant startsAtUtc,
            int durationMinutes, String agenda, String minutes, Boolean quorumMet, boolean held, String venue, String onlineUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewMeeting(String title, LocalDateTime startsAt, String timeZone, Integer durationMinutes, String agenda, String venue,
            String onlineUrl) {
    }

    /** One expected seat of a meeting: PRESENT, ABSENT or ALTERNATE; votingStatus VOTING or SUSPENDED. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RollLine(UUID seatId, UUID holderContactId, UUID partnerId, String votingStatus, String presence) {
    }

    /** quorumMet is null until the attendance is recorded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Roll(UUID meetingId, Boolean quorumMet, int votingSeats, int votingPresent, List<RollLine> attendance) {
        public List<RollLine> attendance() {
            return attendance == null ? List.of() : attendance;
        }
    }

    record PresenceLine(UUID seatId, String presence) {
    }

    record AttendanceSheet(List<PresenceLine> attendance) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VoteLine(UUID seatId, String vote) {
    }

    /** outcome: ADOPTED, REJECTED or NO_QUORUM. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Resolution(UUID id, UUID meetingId, String title, String outcome, int yes, int no, int abstentions, List<VoteLine> votes,
            Instant createdAt) {
        public List<VoteLine> votes() {
            return votes == null ? List.of() : votes;
        }
    }

    record NewResolution(String title, List<VoteLine> votes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CloseMeeting(String minutes) {
    }

    // ---- the parts of a seat policy the meeting pages explain (GET /boards/{id}/policy) ----

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Fraction(int numerator, int denominator) {
    }

    /** basis: PRESENT, VOTING_SEATS or VOTES_CAST; strict: more than the fraction, else at least. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DecisionRule(String basis, Fraction fraction, boolean strict) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AttendanceRule(Integer suspendAfterMissed, Integer restoreAfterAttended, Fraction minShare, Integer windowDays,
            boolean alternateCounts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Policy(Fraction quorum, DecisionRule decision, AttendanceRule attendance) {
    }

    // ---- compliance, what-if, succession ----

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TierLine(String tier, int members, int entitled, int filled, int vacancies) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KindLine(String kind, int seats, boolean active, int filled, int vacancies) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompanyLine(String rule, UUID companyId, String companyName, int held, int limit, boolean overCap) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatLine(UUID seatId, String kind, UUID holderContactId, UUID partnerId, String partnerName, LocalDate termEnd) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Compliance(UUID boardId, LocalDate asOf, List<TierLine> tiers, List<KindLine> seatKinds, List<CompanyLine> companies,
            List<SeatLine> termsEndingSoon, List<SeatLine> membershipNotCurrent, List<SeatLine> holderChangedEmployer,
            List<SeatLine> votingSuspended) {
        public Compliance {
            tiers = tiers == null ? List.of() : tiers;
            seatKinds = seatKinds == null ? List.of() : seatKinds;
            companies = companies == null ? List.of() : companies;
            termsEndingSoon = termsEndingSoon == null ? List.of() : termsEndingSoon;
            membershipNotCurrent = membershipNotCurrent == null ? List.of() : membershipNotCurrent;
            holderChangedEmployer = holderChangedEmployer == null ? List.of() : holderChangedEmployer;
            votingSuspended = votingSuspended == null ? List.of() : votingSuspended;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(String type, UUID acquirerPartnerId, UUID acquiredPartnerId, UUID partnerId, String tier, UUID contactId,
            UUID newEmployerPartnerId) {
        public static Change acquisition(UUID acquirer, UUID acquired) {
            return new Change("ACQUISITION", acquirer, acquired, null, null, null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WhatIf(LocalDate on, List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Finding(UUID seatId, String rule, String reasonCode, String detail, boolean isNew) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BoardFindings(UUID boardId, String boardName, boolean affected, List<Finding> findings) {
        public List<Finding> findings() {
            return findings == null ? List.of() : findings;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WhatIfResult(LocalDate asOf, List<BoardFindings> boards) {
        public List<BoardFindings> boards() {
            return boards == null ? List.of() : boards;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RuleLine(String rule, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Excluded(UUID contactId, List<RuleLine> rules) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Opening(UUID seatId, String kind, UUID partnerId, String partnerName, UUID holderContactId, LocalDate opensOn,
            List<UUID> eligible, List<Excluded> excluded) {
        public List<UUID> eligible() {
            return eligible == null ? List.of() : eligible;
        }

        public List<Excluded> excluded() {
            return excluded == null ? List.of() : excluded;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Succession(UUID boardId, String boardName, LocalDate from, LocalDate to, List<Opening> openings) {
        public List<Opening> openings() {
            return openings == null ? List.of() : openings;
        }
    }

    @GET
    @Path("/boards/{id}/meetings")
    Page<Meeting> meetings(@PathParam("id") UUID boardId, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @POST
    @Path("/boards/{id}/meetings")
    @Consumes("application/json")
    Meeting schedule(@PathParam("id") UUID boardId, NewMeeting meeting);

    @GET
    @Path("/boards/{id}/meetings/{meetingId}")
    Meeting meeting(@PathParam("id") UUID boardId, @PathParam("meetingId") UUID meetingId);

    @GET
    @Path("/boards/{id}/meetings/{meetingId}/attendance")
    Roll attendance(@PathParam("id") UUID boardId, @PathParam("meetingId") UUID meetingId);

    @PUT
    @Path("/boards/{id}/meetings/{meetingId}/attendance")
    @Consumes("application/json")
    Roll recordAttendance(@PathParam("id") UUID boardId, @PathParam("meetingId") UUID meetingId, AttendanceSheet sheet);

    @GET
    @Path("/boards/{id}/meetings/{meetingId}/resolutions")
    Page<Resolution> resolutions(@PathParam("id") UUID boardId, @PathParam("meetingId") UUID meetingId, @QueryParam("limit") Integer limit);

    @POST
    @Path("/boards/{id}/meetings/{meetingId}/resolutions")
    @Consumes("application/json")
    Resolution resolve(@PathParam("id") UUID boardId, @PathParam("meetingId") UUID meetingId, NewResolution resolution);

    @POST
    @Path("/boards/{id}/meetings/{meetingId}/close")
    @Consumes("application/json")
    Meeting close(@PathParam("id") UUID boardId, @PathParam("meetingId") UUID meetingId, CloseMeeting close);

    @GET
    @Path("/boards/{id}/policy")
    Policy policy(@PathParam("id") UUID boardId);

    @GET
    @Path("/boards/{id}/compliance")
    Compliance compliance(@PathParam("id") UUID boardId, @QueryParam("on") String on);

    @POST
    @Path("/boards/what-if")
    @Consumes("application/json")
    WhatIfResult whatIf(WhatIf whatIf);

    @GET
    @Path("/boards/{id}/succession")
    Succession succession(@PathParam("id") UUID boardId, @QueryParam("within") String within);
}

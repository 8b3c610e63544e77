package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** insights-service's routes, through the gateway (insights-service/README.md, docs/insights.md). */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api/insights")
public interface InsightsApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reason(String code, String observation, int cost, String action) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AtRisk(UUID partnerId, String partnerName, String tier, int score, LocalDate renewalOn, List<Reason> reasons,
            String nextAction) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Day(LocalDate day, int score) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Health(UUID partnerId, int score, List<Reason> reasons, Instant computedAt, List<Day> trend) {
        public List<Day> trend() {
            return trend == null ? List.of() : trend;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String type, String id, String href) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TimelineLine(String id, Instant occurredAt, String kind, String summary, boolean executive, Source source) {
    }

    @GET
    @Path("/at-risk")
    Page<AtRisk> atRisk(@QueryParam("tier") String tier, @QueryParam("renewal-within") String renewalWithin,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/partners/{id}/health")
    Health health(@PathParam("id") UUID partnerId, @QueryParam("days") Integer days);

    @GET
    @Path("/partners/{id}/timeline")
    Page<TimelineLine> timeline(@PathParam("id") UUID partnerId, @QueryParam("kind") String kind, @QueryParam("limit") Integer limit);

    /** Health (null for a partner that is not a member) and the first page of the timeline, in one call. */
    record PartnerInsights(Health health, Page<TimelineLine> timeline) {
    }

    @GET
    @Path("/partners/{id}/overview")
    PartnerInsights partnerInsights(@PathParam("id") UUID partnerId, @QueryParam("days") Integer days,
            @QueryParam("kind") String kind, @QueryParam("limit") Integer limit);

    // ---- the level-playing-field report (staff, team) and a partner's own value report ----

    /** One company group's part of a pool; cap, nearCap and overCap only for a board's seats. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GroupShare(UUID groupId, String groupName, int count, double sharePercent, Integer cap, boolean nearCap, boolean overCap) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MonthPoint(LocalDate month, int total, int elephantFactor, int hhi) {
    }

    /** band: LOW, MODERATE or HIGH (HHI below 1,000, up to 1,800, above). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pool(UUID boardId, String name, int total, int elephantFactor, int hhi, String band, List<GroupShare> groups,
            List<MonthPoint> trend) {
        public List<GroupShare> groups() {
            return groups == null ? List.of() : groups;
        }

        public List<MonthPoint> trend() {
            return trend == null ? List.of() : trend;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LevelPlayingField(LocalDate asOf, List<Pool> boards, Pool sponsorship, Pool attendance) {
        public List<Pool> boards() {
            return boards == null ? List.of() : boards;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ValueSeat(UUID boardId, UUID seatId, String kind, LocalDate termStart, LocalDate termEnd, LocalDate vacatedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ValueTouchpoint(LocalDate on, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ValueSponsorship(UUID eventId, String level, Instant confirmedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ValueReport(UUID partnerId, String partnerName, LocalDate from, LocalDate to, List<ValueSeat> seats, int meetingsRepresented,
            int meetingsMissed, int registrations, int eventsAttended, int noShows, List<ValueSponsorship> sponsorships,
            List<ValueTouchpoint> touchpoints) {
        public List<ValueSeat> seats() {
            return seats == null ? List.of() : seats;
        }

        public List<ValueSponsorship> sponsorships() {
            return sponsorships == null ? List.of() : sponsorships;
        }

        public List<ValueTouchpoint> touchpoints() {
            return touchpoints == null ? List.of() : touchpoints;
        }
    }

    @GET
    @Path("/level-playing-field")
    LevelPlayingField levelPlayingField(@QueryParam("months") Integer months);

    @GET
    @Path("/partners/me/value")
    ValueReport ownValue(@QueryParam("from") String from, @QueryParam("to") String to);

    /** A non-member organisation whose people register and attend, by their email domain. */
    record Prospect(String domain, int registrations, int attendances, int people, Instant lastSeen, UUID knownPartnerId,
            String knownPartnerName, String knownPartnerStatus, String nextAction) {
    }

    /** A member participating at or above the median of the tier above. */
    record Upgrade(UUID partnerId, String partnerName, String tier, String nextTier, int attended, int sponsorships,
            int participation, double nextTierMedian, int nextTierMembers, int windowDays, String nextAction) {
    }

    record GrowthLeads(LocalDate asOf, List<Prospect> prospects, List<Upgrade> upgrades) {
    }

    @GET
    @Path("/growth-leads")
    GrowthLeads growthLeads(@QueryParam("limit") Integer limit);
}

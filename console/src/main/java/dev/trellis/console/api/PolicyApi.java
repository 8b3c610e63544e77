package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A board's seat policy, whole (advisory-service's {@code PolicyResource}): the community team reads it, foundation
 * staff replace it with a PUT of the whole document and the board's ETag as If-Match. Every part is optional;
 * advisory-service refuses a document its engine cannot use with a 422 {@code invalid-policy}.
 */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api/boards/{id}/policy")
public interface PolicyApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Fraction(int numerator, int denominator) {
        @Override
        public String toString() {
            return numerator + "/" + denominator;
        }
    }

    /** Tier-appointed seats of a tier: {@code perMember} each, or one per {@code membersPerSeat} members, at most {@code max}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TierEntitlement(String tier, Integer perMember, Integer membersPerSeat, String rounding, Integer max) {
    }

    /** Seats of another kind: a fixed {@code count}, or one per {@code membersPerSeat} members of {@code ratioOfTier}, within min and max. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SeatAllotment(String kind, Integer count, String ratioOfTier, Integer membersPerSeat, String rounding, Integer min,
            Integer max) {
    }

    /** Seats of {@code kind} exist once {@code minFilled} seats of {@code whenKind} (for {@code whenTier}, if set) are filled. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActivationThreshold(String kind, String whenKind, String whenTier, int minFilled) {
    }

    /** At most {@code maxSeats}, or the {@code maxShare}, of the seats of {@code kinds} (all if empty) per company group or organisation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompanyCap(String scope, Integer maxSeats, Fraction maxShare, List<String> kinds) {
        public List<String> kinds() {
            return kinds == null ? List.of() : kinds;
        }
    }

    /** {@code startsOn} is a day of the year as ISO writes it without a year: {@code --04-01}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TermRule(Integer lengthMonths, String startsOn, Integer maxConsecutiveTerms, Integer staggerCohorts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttendanceRule(Integer suspendAfterMissed, Integer restoreAfterAttended, Fraction minShare, Integer windowDays,
            boolean alternateCounts) {
    }

    /** basis: PRESENT, VOTING_SEATS or VOTES_CAST; strict: more than the fraction, else at least. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionRule(String basis, Fraction fraction, boolean strict) {
    }

    /** The whole policy, as advisory-service stores it (its {@code SeatPolicy}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SeatPolicy(List<TierEntitlement> tiers, List<SeatAllotment> seats, Integer totalSeats,
            List<ActivationThreshold> activations, List<CompanyCap> caps, TermRule terms, boolean seatEndsWhenHolderLeavesEmployer,
            boolean holderMustWorkForPartner, AttendanceRule attendance, Fraction quorum, DecisionRule decision) {
        public List<TierEntitlement> tiers() {
            return tiers == null ? List.of() : tiers;
        }

        public List<SeatAllotment> seats() {
            return seats == null ? List.of() : seats;
        }

        public List<ActivationThreshold> activations() {
            return activations == null ? List.of() : activations;
        }

        public List<CompanyCap> caps() {
            return caps == null ? List.of() : caps;
        }
    }

    /** The policy with the board's ETag (the board's version: a policy is part of its board). */
    @GET
    RestResponse<SeatPolicy> policy(@PathParam("id") UUID boardId);

    @PUT
    @Consumes("application/json")
    RestResponse<SeatPolicy> replace(@PathParam("id") UUID boardId, @HeaderParam("If-Match") String ifMatch, SeatPolicy policy);
}

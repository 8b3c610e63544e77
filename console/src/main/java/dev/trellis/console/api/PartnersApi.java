package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** partner-service's routes, through the gateway (partner-service/README.md). */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api")
public interface PartnersApi {

    String MERGE_PATCH = "application/merge-patch+json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Named(UUID id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Partner(UUID id, String name, String legalName, String website, List<String> emailDomains, String description,
            String logoUrl, String country, UUID parentPartnerId, String lifecycleStatus, List<Named> companyGroup) {
        public List<Named> companyGroup() {
            return companyGroup == null ? List.of() : companyGroup;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Affiliation(UUID id, UUID contactId, String contactName, UUID partnerId, String partnerName, String role,
            LocalDate startDate, LocalDate endDate, String source) {
        public boolean current() {
            return endDate == null || !endDate.isBefore(LocalDate.now());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Membership(UUID id, UUID partnerId, String tier, PendingTierChange pendingTierChange, LocalDate termStart,
            LocalDate termEnd, boolean autoRenew, Integer graceDays, String status, LocalDate asOf) {
        /** Days from the day it was read to the term's last day; negative once the term has ended. */
        public long daysLeft() {
            LocalDate from = asOf == null ? LocalDate.now() : asOf;
            return termEnd == null ? Long.MAX_VALUE : java.time.temporal.ChronoUnit.DAYS.between(from, termEnd);
        }

        public long daysOverdue() {
            return -daysLeft();
        }

        /** PENDING, NEW, CURRENT and GRACE can be renewed, changed and ended; an EXPIRED one is replaced by a new start. */
        public boolean live() {
            return !"EXPIRED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PendingTierChange(String tier, LocalDate effectiveDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeyContact(String role, UUID contactId, String contactName, String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NextStep(UUID id, UUID touchpointId, UUID partnerId, String partnerName, String description, String owner,
            LocalDate dueOn, boolean done, Instant doneAt, boolean overdue, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Touchpoint(UUID id, UUID partnerId, String partnerName, LocalDate occurredOn, String type, String summary,
            String notes, boolean executive, List<Named> attendeeContacts, List<String> attendeeStaff,
            List<NextStep> nextSteps, String loggedBy) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewNextStep(String description, String owner, LocalDate dueOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewTouchpoint(LocalDate occurredOn, String type, String summary, String notes, List<UUID> attendeeContactIds,
            List<String> attendeeStaff, List<NewNextStep> nextSteps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OwnOrganisation(Partner profile, Membership membership, List<KeyContact> keyContacts) {
        public List<KeyContact> keyContacts() {
            return keyContacts == null ? List.of() : keyContacts;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OwnContact(UUID id, String firstName, String lastName, String email, String phone, String jobTitle,
            List<OwnRole> roles) {
        public List<OwnRole> roles() {
            return roles == null ? List.of() : roles;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OwnRole(String role, LocalDate startDate) {
    }

    @GET
    @Path("/partners")
    Page<Partner> partners(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("tier") String tier,
            @QueryParam("membershipStatus") String membershipStatus, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/partners/{id}")
    Partner partner(@PathParam("id") UUID id);

    /** A partner's page in one call: profile, affiliations current and past, membership (or null), key contacts, touchpoints. */
    record Overview(Partner profile, Page<Affiliation> affiliations, Membership membership, List<KeyContact> keyContacts,
            Page<Touchpoint> touchpoints) {
    }

    @GET
    @Path("/partners/{id}/overview")
    Overview overview(@PathParam("id") UUID id, @QueryParam("affiliations") Integer affiliations,
            @QueryParam("touchpoints") Integer touchpoints);

    /** These contacts (at most 200 ids), to name the people other services refer to by id. */
    @GET
    @Path("/contacts")
    Page<Contact> contactsById(@QueryParam("id") List<UUID> ids, @QueryParam("limit") Integer limit);

    /** Contacts whose name or email contains {@code q} (case-insensitive), by last name: the console's contact pickers. */
    @GET
    @Path("/contacts")
    Page<Contact> searchContacts(@QueryParam("q") String q, @QueryParam("limit") Integer limit);

    @GET
    @Path("/partners/{id}/affiliations")
    Page<Affiliation> affiliations(@PathParam("id") UUID id, @QueryParam("current") Boolean current, @QueryParam("limit") Integer limit);

    @GET
    @Path("/partners/{id}/membership")
    Membership membership(@PathParam("id") UUID id);

    @GET
    @Path("/partners/{id}/membership/key-contacts")
    Page<KeyContact> keyContacts(@PathParam("id") UUID id);

    @GET
    @Path("/partners/{id}/touchpoints")
    Page<Touchpoint> touchpoints(@PathParam("id") UUID id, @QueryParam("limit") Integer limit);

    @POST
    @Path("/partners/{id}/touchpoints")
    @Consumes("application/json")
    Touchpoint logTouchpoint(@PathParam("id") UUID id, NewTouchpoint touchpoint);

    @GET
    @Path("/touchpoints/next-steps")
    Page<NextStep> nextSteps(@QueryParam("owner") String owner, @QueryParam("due") String due, @QueryParam("limit") Integer limit);

    @PATCH
    @Path("/touchpoints/next-steps/{id}")
    @Consumes(MERGE_PATCH)
    NextStep changeNextStep(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> patch);

    @GET
    @Path("/partners/me")
    RestResponse<OwnOrganisation> ownOrganisation();

    @PATCH
    @Path("/partners/me")
    @Consumes(MERGE_PATCH)
    Partner changeOwnOrganisation(@HeaderParam("If-Match") String ifMatch, Map<String, Object> patch);

    @GET
    @Path("/partners/me/contacts")
    Page<OwnContact> ownContacts(@QueryParam("limit") Integer limit);

    // ---- creating and changing partners, contacts, affiliations and memberships (partner-service/README.md)

    /** A new partner: {@code POST /api/partners} (partner-service's PartnerRequest); null fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewPartner(String name, String legalName, String website, List<String> emailDomains, String description,
            String country, UUID parentPartnerId) {
    }

    /** A contact as staff see it: details with current and past affiliations (partner-service's ContactResponse). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(UUID id, String firstName, String lastName, String email, String phone, String jobTitle,
            List<Affiliation> currentAffiliations, List<Affiliation> pastAffiliations, Instant erasedAt) {
        public List<Affiliation> currentAffiliations() {
            return currentAffiliations == null ? List.of() : currentAffiliations;
        }

        public List<Affiliation> pastAffiliations() {
            return pastAffiliations == null ? List.of() : pastAffiliations;
        }

        public String name() {
            return (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewContact(String firstName, String lastName, String email, String phone, String jobTitle) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewAffiliation(UUID partnerId, String role, LocalDate startDate) {
    }

    record AffiliationEnd(LocalDate endDate) {
    }

    /** A move to another employer: open affiliations end the day before {@code date}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewMove(UUID partnerId, String role, LocalDate date) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Move(List<Affiliation> ended, Affiliation started) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StartMembership(String tier, LocalDate termStart, LocalDate termEnd, Boolean autoRenew, Integer graceDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Renewal(Integer months) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TierChange(String tier, LocalDate effectiveDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MembershipEnd(LocalDate endDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MembershipChange(UUID id, String kind, String tier, String status, LocalDate termStart, LocalDate termEnd,
            LocalDate effectiveDate, String recordedBy, Instant recordedAt) {
    }

    /** The same read as {@link #partner}, with its ETag for an If-Match. */
    @GET
    @Path("/partners/{id}")
    RestResponse<Partner> partnerWithVersion(@PathParam("id") UUID id);

    @POST
    @Path("/partners")
    @Consumes("application/json")
    Partner createPartner(NewPartner partner);

    @PATCH
    @Path("/partners/{id}")
    @Consumes(MERGE_PATCH)
    Partner changePartner(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> patch);

    @GET
    @Path("/contacts/{id}")
    RestResponse<Contact> contact(@PathParam("id") UUID id);

    @POST
    @Path("/contacts")
    @Consumes("application/json")
    Contact createContact(NewContact contact);

    @PATCH
    @Path("/contacts/{id}")
    @Consumes(MERGE_PATCH)
    Contact changeContact(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> patch);

    @POST
    @Path("/contacts/{id}/affiliations")
    @Consumes("application/json")
    Affiliation startAffiliation(@PathParam("id") UUID contactId, NewAffiliation affiliation);

    @POST
    @Path("/contacts/{id}/affiliations/{affiliationId}/end")
    @Consumes("application/json")
    Affiliation endAffiliation(@PathParam("id") UUID contactId, @PathParam("affiliationId") UUID affiliationId, AffiliationEnd end);

    @POST
    @Path("/contacts/{id}/moves")
    @Consumes("application/json")
    Move move(@PathParam("id") UUID contactId, NewMove move);

    /** The same read as {@link #membership}, with its ETag for an If-Match. */
    @GET
    @Path("/partners/{id}/membership")
    RestResponse<Membership> membershipWithVersion(@PathParam("id") UUID id);

    /** Starts a membership, or replaces an expired one (If-Match once one exists). */
    @PUT
    @Path("/partners/{id}/membership")
    @Consumes("application/json")
    Membership startMembership(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, StartMembership start);

    @POST
    @Path("/partners/{id}/membership/renewals")
    @Consumes("application/json")
    Membership renewMembership(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, Renewal renewal);

    @POST
    @Path("/partners/{id}/membership/tier-changes")
    @Consumes("application/json")
    Membership changeTier(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, TierChange change);

    @POST
    @Path("/partners/{id}/membership/end")
    @Consumes("application/json")
    Membership endMembership(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, MembershipEnd end);

    @GET
    @Path("/partners/{id}/membership/history")
    Page<MembershipChange> membershipHistory(@PathParam("id") UUID id, @QueryParam("limit") Integer limit);
}

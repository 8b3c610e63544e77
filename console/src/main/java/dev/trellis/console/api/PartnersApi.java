package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
    record Membership(UUID id, UUID partnerId, String tier, Map<String, Object> pendingTierChange, LocalDate termStart,
            LocalDate termEnd, boolean autoRenew, Integer graceDays, String status, LocalDate asOf) {
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
            List<Map<String, Object>> roles) {
    }

    @GET
    @Path("/partners")
    Page<Partner> partners(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("tier") String tier,
            @QueryParam("membershipStatus") String membershipStatus, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/partners/{id}")
    Partner partner(@PathParam("id") UUID id);

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
}

package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.Page;
import dev.trellis.console.api.PartnersApi;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.PartnerViews;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** Partner search, one partner's page and logging a touchpoint: the community team's daily work. */
@Path("/partners")
@Produces(MediaType.TEXT_HTML)
public class PartnerPages {

    static final List<String> TOUCHPOINT_TYPES = List.of("CALL", "MEETING", "BUSINESS_REVIEW", "CONFERENCE_CONVERSATION", "EMAIL");
    static final List<String> MEMBERSHIP_STATUSES = List.of("ACTIVE", "NEW", "CURRENT", "GRACE", "EXPIRED", "PENDING", "NONE");
    static final List<String> TIERS = List.of("PLATINUM", "GOLD", "SILVER", "END_USER", "ASSOCIATE");

    @CheckedTemplate(basePath = "partners")
    static class Templates {
        static native TemplateInstance search(PartnerViews.SearchFilter filter, Page<PartnersApi.Partner> results,
                List<String> tiers, List<String> membershipStatuses);

        static native TemplateInstance partner(PartnerViews.Overview view, boolean logged, List<String> kinds);

        static native TemplateInstance touchpoint(PartnerViews.TouchpointContext context, PartnerViews.TouchpointForm form,
                FormErrors errors, List<String> types);
    }

    private final PartnerViews partners;
    private final Viewer viewer;

    PartnerPages(PartnerViews partners, Viewer viewer) {
        this.partners = partners;
        this.viewer = viewer;
    }

    @GET
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("tier") String tier,
            @QueryParam("membershipStatus") String membershipStatus, @QueryParam("cursor") String cursor) {
        PartnerViews.SearchFilter filter = new PartnerViews.SearchFilter(q, null, tier, membershipStatus, cursor);
        return Templates.search(filter, partners.search(filter), TIERS, MEMBERSHIP_STATUSES);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance partner(@PathParam("id") UUID id, @QueryParam("logged") boolean logged,
            @QueryParam("kind") String kind) {
        return Templates.partner(partners.overview(id, kind), logged, PartnerViews.TIMELINE_KINDS);
    }

    @GET
    @Path("{id}/touchpoints/new")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance newTouchpoint(@PathParam("id") UUID id) {
        PartnerViews.TouchpointForm blank = new PartnerViews.TouchpointForm(LocalDate.now().toString(), "CALL", "", "", List.of(),
                "", viewer.username(), LocalDate.now().plusDays(7).toString());
        return Templates.touchpoint(partners.touchpointContext(id), blank, FormErrors.NONE, TOUCHPOINT_TYPES);
    }

    /** The form's fields, named as the API names them so that its refusals land next to the right field. */
    public static class TouchpointFields {
        @RestForm String occurredOn;
        @RestForm String type;
        @RestForm String summary;
        @RestForm String notes;
        @RestForm List<String> attendeeContactIds;
        @RestForm("nextSteps[0].description") String stepDescription;
        @RestForm("nextSteps[0].owner") String stepOwner;
        @RestForm("nextSteps[0].dueOn") String stepDueOn;

        PartnerViews.TouchpointForm form() {
            return new PartnerViews.TouchpointForm(occurredOn, type, summary, notes, attendeeContactIds, stepDescription,
                    stepOwner, stepDueOn);
        }
    }

    @POST
    @Path("{id}/touchpoints")
    @RolesAllowed(Viewer.TEAM)
    public Object logTouchpoint(@PathParam("id") UUID id, @BeanParam TouchpointFields fields) {
        PartnerViews.TouchpointForm form = fields.form();
        FormErrors errors;
        try {
            partners.logTouchpoint(id, form, viewer.username());
            return Response.seeOther(URI.create("/partners/" + id + "?logged=true#touchpoints")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            errors = FormErrors.of(problem, PartnerViews.TOUCHPOINT_FIELDS);
        }
        return Response.status(422).entity(Templates.touchpoint(partners.touchpointContext(id), form, errors, TOUCHPOINT_TYPES)).build();
    }
}

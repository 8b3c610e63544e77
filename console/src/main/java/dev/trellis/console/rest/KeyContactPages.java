package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.KeyContactViews;
import dev.trellis.console.service.MembershipViews;
import dev.trellis.console.service.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The key contacts of a membership, on the membership page: foundation staff name one of the partner's current
 * people for a role, or clear a role. A refusal shows the membership page again with the message at its field.
 */
@Path("/memberships/{partnerId}/key-contacts")
@Produces(MediaType.TEXT_HTML)
public class KeyContactPages {

    private final MembershipViews memberships;
    private final KeyContactViews keyContacts;

    KeyContactPages(MembershipViews memberships, KeyContactViews keyContacts) {
        this.memberships = memberships;
        this.keyContacts = keyContacts;
    }

    /** The section lives on the membership page. */
    @GET
    @RolesAllowed({Viewer.STAFF, Viewer.TEAM})
    public Response section(@PathParam("partnerId") UUID partnerId) {
        return Response.seeOther(URI.create("/memberships/" + partnerId + "#key-contacts")).build();
    }

    @POST
    @RolesAllowed(Viewer.STAFF)
    public Object assign(@PathParam("partnerId") UUID partnerId, @RestForm String role, @RestForm String contactId) {
        KeyContactViews.Form form = new KeyContactViews.Form(role, contactId);
        FormErrors errors;
        try {
            keyContacts.assign(partnerId, form);
            return Response.seeOther(URI.create("/memberships/" + partnerId + "?notice=key-contact-assigned#key-contacts")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 404 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            errors = KeyContactViews.errors(problem);
        }
        return again(partnerId, form, errors);
    }

    @POST
    @Path("{role}/remove")
    @RolesAllowed(Viewer.STAFF)
    public Object remove(@PathParam("partnerId") UUID partnerId, @PathParam("role") String role) {
        FormErrors errors;
        try {
            keyContacts.remove(partnerId, role);
            return Response.seeOther(URI.create("/memberships/" + partnerId + "?notice=key-contact-removed#key-contacts")).build();
        } catch (Forms.InvalidField invalid) {
            errors = new FormErrors(Map.of(), List.of("No such key-contact role: " + invalid.getMessage()), List.of(), 400);
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 404 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            errors = new FormErrors(Map.of(), List.of(problem.detail()), List.of(), problem.status());
        }
        return again(partnerId, KeyContactViews.Form.BLANK, errors);
    }

    private Response again(UUID partnerId, KeyContactViews.Form form, FormErrors errors) {
        return Response.status(422).entity(MembershipPages.Templates.membership(memberships.overview(partnerId, true), null,
                keyContacts.of(partnerId, true, form, errors))).build();
    }
}

package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.OrganisationViews;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A partner user's own organisation: profile (the self-service fields are theirs to edit), membership,
 * key contacts, people and board seats. Only the API's {@code /me} routes are called, so no URL of this
 * console can show a partner anything of another.
 */
@Path("/organisation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.PARTNER)
public class OrganisationPages {

    @CheckedTemplate(basePath = "organisation")
    static class Templates {
        static native TemplateInstance own(OrganisationViews.Own own, boolean saved);

        static native TemplateInstance edit(OrganisationViews.Own own, OrganisationViews.ProfileForm form, FormErrors errors);
    }

    private final OrganisationViews organisations;

    OrganisationPages(OrganisationViews organisations) {
        this.organisations = organisations;
    }

    @GET
    public TemplateInstance own(@QueryParam("saved") boolean saved) {
        return Templates.own(organisations.own(true), saved);
    }

    @GET
    @Path("edit")
    public TemplateInstance edit() {
        OrganisationViews.Own own = organisations.own(false);
        var p = own.organisation().profile();
        return Templates.edit(own, new OrganisationViews.ProfileForm(p.description(), p.website(), p.logoUrl(), own.etag()),
                FormErrors.NONE);
    }

    @POST
    public Object save(@RestForm String description, @RestForm String website, @RestForm String logoUrl, @RestForm String etag) {
        OrganisationViews.ProfileForm form = new OrganisationViews.ProfileForm(description, website, logoUrl, etag);
        FormErrors errors;
        try {
            organisations.changeProfile(form);
            return Response.seeOther(URI.create("/organisation?saved=true")).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 412) {
                errors = FormErrors.field("description", "Someone changed the profile while you were editing it. "
                        + "The form now shows your text; the saved profile is on the organisation page. Save again to keep yours.");
            } else if (problem.status() == 400 || problem.status() == 403 || problem.status() == 422) {
                errors = FormErrors.of(problem, OrganisationViews.PROFILE_FIELDS);
            } else {
                throw problem;
            }
        }
        OrganisationViews.Own own = organisations.own(false);
        // After a stale edit the form carries the current version, so that saving again keeps what was typed.
        OrganisationViews.ProfileForm again = new OrganisationViews.ProfileForm(description, website, logoUrl, own.etag());
        return Response.status(422).entity(Templates.edit(own, again, errors)).build();
    }
}

package dev.trellis.console.rest;

import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.SubjectAccessViews;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Subject-access exports for foundation staff (docs/privacy.md): a GET form (a contact id or an e-mail address),
 * the export shown readably, and the whole document as a JSON download. Nothing is changed.
 */
@Path("/privacy/subjects")
public class PrivacyPages {

    @CheckedTemplate(basePath = "privacy")
    static class Templates {
        static native TemplateInstance subject(SubjectAccessViews.Query query, SubjectAccessViews.Export export,
                FormErrors errors);
    }

    private final SubjectAccessViews subjects;

    PrivacyPages(SubjectAccessViews subjects) {
        this.subjects = subjects;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Viewer.STAFF)
    public Object page(@QueryParam("contactId") String contactId, @QueryParam("email") String email) {
        SubjectAccessViews.Query query = new SubjectAccessViews.Query(contactId, email);
        if (query.empty()) {
            return Templates.subject(query, null, FormErrors.NONE);
        }
        try {
            return Templates.subject(query, subjects.export(query), FormErrors.NONE);
        } catch (Forms.InvalidField invalid) {
            return Response.status(400).entity(Templates.subject(query, null, invalid.errors())).build();
        }
    }

    @GET
    @Path("export.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Viewer.STAFF)
    public Response download(@QueryParam("contactId") String contactId, @QueryParam("email") String email) {
        try {
            SubjectAccessViews.Export export = subjects.export(new SubjectAccessViews.Query(contactId, email));
            return Attachments.of(export.pretty(), MediaType.APPLICATION_JSON, export.fileName()).build();
        } catch (Forms.InvalidField invalid) {
            return Response.status(400).entity(Templates.subject(new SubjectAccessViews.Query(contactId, email), null,
                    invalid.errors())).type(MediaType.TEXT_HTML).build();
        }
    }
}

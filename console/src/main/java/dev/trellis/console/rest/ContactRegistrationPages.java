package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.EventsApi;
import dev.trellis.console.service.ContactRegistrationViews;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The community team registers a known contact for an event: search the CRM by name or email, pick one, register.
 * The outcome (a seat or the waitlist) is event-service's, shown as it answered; a refusal (already registered,
 * registration closed) is shown at the contact.
 */
@Path("/events/{id}/registrations/contact")
@Produces(MediaType.TEXT_HTML)
public class ContactRegistrationPages {

    @CheckedTemplate(basePath = "events")
    static class Templates {
        static native TemplateInstance registerContact(ContactRegistrationViews.Context context, String picked, FormErrors errors);
    }

    private final ContactRegistrationViews registrations;

    ContactRegistrationPages(ContactRegistrationViews registrations) {
        this.registrations = registrations;
    }

    @GET
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance search(@PathParam("id") UUID id, @QueryParam("q") String q,
            @QueryParam("registered") String registered) {
        UUID registration = null;
        try {
            registration = Forms.uuid("registered", registered);
        } catch (Forms.InvalidField ignored) {
            // a mangled address shows the search without the outcome
        }
        return Templates.registerContact(registrations.context(id, q, registration), "", FormErrors.NONE);
    }

    @POST
    @RolesAllowed(Viewer.TEAM)
    public Object register(@PathParam("id") UUID id, @RestForm String contactId, @RestForm String q) {
        FormErrors errors;
        try {
            EventsApi.Registration made = registrations.register(id, contactId);
            return Response.seeOther(UriBuilder.fromPath("/events/{id}/registrations/contact")
                    .queryParam("registered", made.id()).build(id)).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 404 || problem.status() == 429) {
                throw problem;
            }
            errors = ContactRegistrationViews.refusal(problem);
        }
        return Response.status(422).entity(Templates.registerContact(registrations.context(id, q, null),
                contactId == null ? "" : contactId, errors)).build();
    }
}

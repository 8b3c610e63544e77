package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.EventViews;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.MyRegistrationViews;
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
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A partner user's people at the foundation's events: their registrations (only the partner's own, as event-service
 * answers a partner), registering one of its own contacts for a published event, and cancelling.
 */
@Path("/registrations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.PARTNER)
public class MyRegistrationPages {

    private static final Map<String, String> NOTICES = Map.of(
            "registered", "The registration is recorded. If the event is full, your colleague is on the waitlist and moves up when a seat frees.",
            "cancelled", "The registration is cancelled.");

    @CheckedTemplate(basePath = "registrations")
    static class Templates {
        static native TemplateInstance mine(MyRegistrationViews.Mine mine, MyRegistrationViews.RegistrationForm form,
                FormErrors errors, String notice);
    }

    private final MyRegistrationViews registrations;

    MyRegistrationPages(MyRegistrationViews registrations) {
        this.registrations = registrations;
    }

    @GET
    public TemplateInstance mine(@QueryParam("notice") String notice) {
        return Templates.mine(registrations.mine(), MyRegistrationViews.RegistrationForm.blank(), FormErrors.NONE,
                notice == null ? null : NOTICES.get(notice));
    }

    @POST
    public Object register(@RestForm String eventId, @RestForm String contactId, @RestForm String name, @RestForm String email) {
        MyRegistrationViews.RegistrationForm form = new MyRegistrationViews.RegistrationForm(eventId, contactId, name, email);
        FormErrors errors;
        try {
            registrations.register(form);
            return Response.seeOther(URI.create("/registrations?notice=registered")).build();
        } catch (EventViews.InvalidForm invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 429) {
                throw problem;
            }
            errors = EventViews.errors(problem, MyRegistrationViews.FIELDS, MyRegistrationViews.FIELD_OF_RULE);
        }
        return Response.status(422).entity(Templates.mine(registrations.mine(), form, errors, null)).build();
    }

    @POST
    @Path("{eventId}/{registrationId}/cancel")
    public Object cancel(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId) {
        try {
            registrations.cancel(eventId, registrationId);
            return Response.seeOther(URI.create("/registrations?notice=cancelled")).build();
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 404 || problem.status() == 429) {
                throw problem;
            }
            return Response.status(422).entity(Templates.mine(registrations.mine(), MyRegistrationViews.RegistrationForm.blank(),
                    EventViews.errors(problem, Set.of(), Map.of()), null)).build();
        }
    }
}

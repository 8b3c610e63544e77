package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.EventsApi;
import dev.trellis.console.service.EventViews;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Events: registrations with the waitlist, check-in one by one or from a CSV of emails, and undo. */
@Path("/events")
@Produces(MediaType.TEXT_HTML)
public class EventPages {

    /** Larger than any sign-in sheet; the API takes at most 256 KiB per request. */
    static final long MAX_CSV_BYTES = 200 * 1024;

    @CheckedTemplate(basePath = "events")
    static class Templates {
        static native TemplateInstance list(List<EventsApi.Event> events);

        static native TemplateInstance event(EventViews.EventPage page, FormErrors errors, String name, String email,
                FormErrors checkInErrors, EventsApi.BulkCheckIn report, String notice);
    }

    private final EventViews events;

    EventPages(EventViews events) {
        this.events = events;
    }

    @GET
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance list() {
        return Templates.list(events.upcoming());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance event(@PathParam("id") UUID id) {
        return page(id, FormErrors.NONE, "", "", FormErrors.NONE, null, null);
    }

    private TemplateInstance page(UUID id, FormErrors errors, String name, String email, FormErrors checkInErrors,
            EventsApi.BulkCheckIn report, String notice) {
        return Templates.event(events.event(id), errors, name, email, checkInErrors, report, notice);
    }

    @POST
    @Path("{id}/registrations")
    @RolesAllowed(Viewer.TEAM)
    public Object register(@PathParam("id") UUID id, @RestForm String name, @RestForm String email) {
        try {
            events.register(id, name, email);
            return Response.seeOther(URI.create("/events/" + id + "#registrations")).build();
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return Response.status(422).entity(page(id, FormErrors.of(problem, EventViews.REGISTRATION_FIELDS), name, email,
                    FormErrors.NONE, null, null)).build();
        }
    }

    @POST
    @Path("{id}/check-ins/{registrationId}")
    @RolesAllowed(Viewer.TEAM)
    public Object checkIn(@PathParam("id") UUID id, @PathParam("registrationId") UUID registrationId, @RestForm boolean undo) {
        try {
            if (undo) {
                events.undo(id, registrationId);
            } else {
                events.checkIn(id, registrationId);
            }
            return Response.seeOther(URI.create("/events/" + id + "#r-" + registrationId)).build();
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return Response.status(422).entity(page(id, FormErrors.NONE, "", "", FormErrors.of(problem, java.util.Set.of()), null,
                    null)).build();
        }
    }

    /** A CSV of emails (one per line, a header line 'email' is skipped); the report lists every line's outcome. */
    @POST
    @Path("{id}/check-ins")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Viewer.TEAM)
    public Object checkInAll(@PathParam("id") UUID id, @RestForm("csv") FileUpload csv) {
        if (csv == null || csv.size() == 0) {
            return Response.status(400).entity(page(id, FormErrors.NONE, "", "",
                    FormErrors.field("csv", "choose a CSV file with one email per line"), null, null)).build();
        }
        if (csv.size() > MAX_CSV_BYTES) {
            return Response.status(413).entity(page(id, FormErrors.NONE, "", "",
                    FormErrors.field("csv", "the file is larger than 200 KiB; split it"), null, null)).build();
        }
        String text;
        try {
            text = Files.readString(csv.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Response.status(400).entity(page(id, FormErrors.NONE, "", "",
                    FormErrors.field("csv", "the file could not be read as UTF-8 text"), null, null)).build();
        }
        try {
            EventsApi.BulkCheckIn report = events.checkInAll(id, text);
            return page(id, FormErrors.NONE, "", "", FormErrors.NONE, report, null);
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return Response.status(422).entity(page(id, FormErrors.NONE, "", "", FormErrors.of(problem, java.util.Set.of("csv")),
                    null, null)).build();
        }
    }
}

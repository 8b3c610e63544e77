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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Events for the community team: draft, edit, publish and cancel; registrations with the waitlist, check-in one by
 * one or from a CSV of emails, and undo; sponsorships; user groups. Foundation staff read them.
 */
@Path("/events")
@Produces(MediaType.TEXT_HTML)
public class EventPages {

    /** Larger than any sign-in sheet; the API takes at most 256 KiB per request. */
    static final long MAX_CSV_BYTES = 200 * 1024;

    /** The statuses the status form may ask for, and what the notice after each says. */
    static final Map<String, String> STATUS_NOTICES = Map.of("PUBLISHED", "published", "CANCELLED", "cancelled",
            "COMPLETED", "completed");

    /** What the event page's forms show besides the event: each form's errors and typed values, a report, a notice. */
    public record Panels(FormErrors register, String name, String email, FormErrors checkIn, EventsApi.BulkCheckIn report,
            FormErrors status, FormErrors sponsor, EventViews.SponsorForm sponsorForm, String notice) {

        static Panels none() {
            return new Panels(FormErrors.NONE, "", "", FormErrors.NONE, null, FormErrors.NONE, FormErrors.NONE,
                    EventViews.SponsorForm.blank(), null);
        }

        Panels register(FormErrors errors, String typedName, String typedEmail) {
            return new Panels(errors, typedName, typedEmail, checkIn, report, status, sponsor, sponsorForm, notice);
        }

        Panels checkIn(FormErrors errors, EventsApi.BulkCheckIn bulk) {
            return new Panels(register, name, email, errors, bulk, status, sponsor, sponsorForm, notice);
        }

        Panels status(FormErrors errors) {
            return new Panels(register, name, email, checkIn, report, errors, sponsor, sponsorForm, notice);
        }

        Panels sponsor(FormErrors errors, EventViews.SponsorForm form) {
            return new Panels(register, name, email, checkIn, report, status, errors, form, notice);
        }

        Panels notice(String text) {
            return new Panels(register, name, email, checkIn, report, status, sponsor, sponsorForm, text);
        }
    }

    @CheckedTemplate(basePath = "events")
    static class Templates {
        static native TemplateInstance list(List<EventsApi.Event> events, String notice);

        static native TemplateInstance event(EventViews.EventPage page, Panels panels);

        static native TemplateInstance form(EventViews.EventForm form, FormErrors errors, UUID eventId,
                List<EventsApi.UserGroup> groups, List<String> kinds);

        static native TemplateInstance groups(List<EventsApi.UserGroup> groups, EventViews.GroupForm form, FormErrors errors,
                String notice);

        static native TemplateInstance group(UUID groupId, EventViews.GroupForm form, FormErrors errors);
    }

    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("created", "The event is saved as a draft. Publish it when it is ready."),
            Map.entry("saved", "The changes are saved."),
            Map.entry("published", "The event is published: it is in the public calendar and open for registration."),
            Map.entry("cancelled", "The event is cancelled, and so are its registrations and waitlist."),
            Map.entry("completed", "The event is completed: whoever was not checked in is recorded as a no-show."),
            Map.entry("registration-cancelled", "The registration is cancelled; a freed seat went to the first on the waitlist."),
            Map.entry("sponsorship-proposed", "The sponsorship is proposed."),
            Map.entry("sponsorship-confirmed", "The sponsorship is confirmed."),
            Map.entry("sponsorship-cancelled", "The sponsorship is cancelled."),
            Map.entry("group-created", "The user group is created."),
            Map.entry("group-saved", "The user group is saved."));

    /** The rules event-service names by slug, at the field of the form they are about. */
    private static final Map<String, String> EVENT_RULE_FIELDS = Map.of("capacity-below-registrations", "capacity",
            "event-without-place", "venue");
    private static final Map<String, String> SPONSOR_RULE_FIELDS = Map.of("sponsor-not-active", "partnerId",
            "sponsor-not-member", "partnerId");

    private final EventViews events;
    private final Viewer viewer;

    EventPages(EventViews events, Viewer viewer) {
        this.events = events;
        this.viewer = viewer;
    }

    static String notice(String code) {
        return code == null ? null : NOTICES.get(code);
    }

    @GET
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance list(@QueryParam("notice") String notice) {
        return Templates.list(events.upcoming(), notice(notice));
    }

    // ---- drafting and editing ---------------------------------------------------------------------------

    @GET
    @Path("new")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance newEvent() {
        return Templates.form(EventViews.EventForm.blank(), FormErrors.NONE, null, events.userGroups(), EventViews.KINDS);
    }

    @POST
    @RolesAllowed(Viewer.TEAM)
    public Object create(@RestForm String kind, @RestForm String title, @RestForm String description,
            @RestForm String startsAt, @RestForm String endsAt, @RestForm String timeZone, @RestForm String venue,
            @RestForm String onlineUrl, @RestForm String capacity, @RestForm String registrationOpensAt,
            @RestForm String registrationClosesAt, @RestForm String userGroupId) {
        EventViews.EventForm form = new EventViews.EventForm(kind, title, description, startsAt, endsAt, timeZone, venue,
                onlineUrl, capacity, registrationOpensAt, registrationClosesAt, userGroupId, null);
        FormErrors errors;
        try {
            EventsApi.Event created = events.create(form);
            return Response.seeOther(URI.create("/events/" + created.id() + "?notice=created")).build();
        } catch (EventViews.InvalidForm invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            errors = refusal(problem, EventViews.EVENT_FIELDS, EVENT_RULE_FIELDS);
        }
        return Response.status(422).entity(Templates.form(form, errors, null, events.userGroups(), EventViews.KINDS)).build();
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance edit(@PathParam("id") UUID id) {
        return Templates.form(events.editForm(id), FormErrors.NONE, id, events.userGroups(), EventViews.KINDS);
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Viewer.TEAM)
    public Object change(@PathParam("id") UUID id, @RestForm String kind, @RestForm String title, @RestForm String description,
            @RestForm String startsAt, @RestForm String endsAt, @RestForm String timeZone, @RestForm String venue,
            @RestForm String onlineUrl, @RestForm String capacity, @RestForm String registrationOpensAt,
            @RestForm String registrationClosesAt, @RestForm String userGroupId, @RestForm String etag) {
        EventViews.EventForm form = new EventViews.EventForm(kind, title, description, startsAt, endsAt, timeZone, venue,
                onlineUrl, capacity, registrationOpensAt, registrationClosesAt, userGroupId, etag);
        FormErrors errors;
        boolean stale = false;
        try {
            events.change(id, form);
            return Response.seeOther(URI.create("/events/" + id + "?notice=saved")).build();
        } catch (EventViews.InvalidForm invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            stale = problem.status() == 412;
            if (stale) {
                errors = FormErrors.field("title", "Someone changed the event while you were editing it. The form still shows "
                        + "your values; the event page shows the saved ones. Save again to keep yours.");
            } else {
                errors = refusal(problem, EventViews.EVENT_FIELDS, EVENT_RULE_FIELDS);
            }
        }
        // After a stale edit the form carries the current version, so that saving again keeps what was typed.
        String current = stale ? events.editForm(id).etag() : etag;
        EventViews.EventForm again = new EventViews.EventForm(kind, title, description, startsAt, endsAt, timeZone, venue,
                onlineUrl, capacity, registrationOpensAt, registrationClosesAt, userGroupId, current);
        return Response.status(422).entity(Templates.form(again, errors, id, events.userGroups(), EventViews.KINDS)).build();
    }

    /**
     * Publish, complete or cancel, at the version the page showed. Cancelling also cancels every registration and
     * the waitlist, so it needs the confirmation box ticked.
     */
    @POST
    @Path("{id}/status-changes")
    @RolesAllowed(Viewer.TEAM)
    public Object changeStatus(@PathParam("id") UUID id, @RestForm String status, @RestForm String etag,
            @RestForm boolean confirm) {
        if (status == null || !STATUS_NOTICES.containsKey(status)) {
            return Response.status(400).entity(page(id, Panels.none().status(FormErrors.field("status",
                    "choose publish, complete or cancel")))).build();
        }
        if ("CANCELLED".equals(status) && !confirm) {
            return Response.status(422).entity(page(id, Panels.none().status(FormErrors.field("confirm",
                    "tick the box to confirm: cancelling also cancels every registration and the waitlist")))).build();
        }
        try {
            events.changeStatus(id, etag, status);
            return Response.seeOther(URI.create("/events/" + id + "?notice=" + STATUS_NOTICES.get(status))).build();
        } catch (ApiProblem problem) {
            FormErrors errors = problem.status() == 412
                    ? FormErrors.field("status", "The event changed since you opened this page; look at it again and retry.")
                    : refusal(problem, Set.of("status"), Map.of());
            return Response.status(problem.status() == 412 ? 412 : 422).entity(page(id, Panels.none().status(errors))).build();
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance event(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        return page(id, Panels.none().notice(notice(notice)));
    }

    private TemplateInstance page(UUID id, Panels panels) {
        return Templates.event(events.event(id, viewer.team()), panels);
    }

    // ---- registrations and check-in ---------------------------------------------------------------------

    @POST
    @Path("{id}/registrations")
    @RolesAllowed(Viewer.TEAM)
    public Object register(@PathParam("id") UUID id, @RestForm String name, @RestForm String email) {
        try {
            events.register(id, name, email);
            return Response.seeOther(URI.create("/events/" + id + "#registrations")).build();
        } catch (ApiProblem problem) {
            return Response.status(422).entity(page(id, Panels.none().register(
                    refusal(problem, EventViews.REGISTRATION_FIELDS, Map.of("already-registered", "email")), name, email))).build();
        }
    }

    /** Cancels one registration; the API moves the first on the waitlist up into a freed seat. */
    @POST
    @Path("{id}/registrations/{registrationId}/cancel")
    @RolesAllowed(Viewer.TEAM)
    public Object cancelRegistration(@PathParam("id") UUID id, @PathParam("registrationId") UUID registrationId) {
        try {
            events.cancelRegistration(id, registrationId);
            return Response.seeOther(URI.create("/events/" + id + "?notice=registration-cancelled#registrations")).build();
        } catch (ApiProblem problem) {
            return Response.status(422).entity(page(id, Panels.none().checkIn(refusal(problem, Set.of(), Map.of()), null))).build();
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
            return Response.status(422).entity(page(id, Panels.none().checkIn(refusal(problem, Set.of(), Map.of()), null))).build();
        }
    }

    /** A CSV of emails (one per line, a header line 'email' is skipped); the report lists every line's outcome. */
    @POST
    @Path("{id}/check-ins")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Viewer.TEAM)
    public Object checkInAll(@PathParam("id") UUID id, @RestForm("csv") FileUpload csv) {
        if (csv == null || csv.size() == 0) {
            return Response.status(400).entity(page(id, Panels.none().checkIn(
                    FormErrors.field("csv", "choose a CSV file with one email per line"), null))).build();
        }
        if (csv.size() > MAX_CSV_BYTES) {
            return Response.status(413).entity(page(id, Panels.none().checkIn(
                    FormErrors.field("csv", "the file is larger than 200 KiB; split it"), null))).build();
        }
        String text;
        try {
            text = Files.readString(csv.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Response.status(400).entity(page(id, Panels.none().checkIn(
                    FormErrors.field("csv", "the file could not be read as UTF-8 text"), null))).build();
        }
        try {
            EventsApi.BulkCheckIn report = events.checkInAll(id, text);
            return page(id, Panels.none().checkIn(FormErrors.NONE, report));
        } catch (ApiProblem problem) {
            return Response.status(422).entity(page(id, Panels.none().checkIn(refusal(problem, Set.of("csv"), Map.of()), null)))
                    .build();
        }
    }

    // ---- sponsorships -----------------------------------------------------------------------------------

    @POST
    @Path("{id}/sponsorships")
    @RolesAllowed(Viewer.TEAM)
    public Object propose(@PathParam("id") UUID id, @RestForm String partnerId, @RestForm String level, @RestForm String amount,
            @RestForm String currency) {
        EventViews.SponsorForm form = new EventViews.SponsorForm(partnerId, level, amount, currency);
        FormErrors errors;
        try {
            events.propose(id, form);
            return Response.seeOther(URI.create("/events/" + id + "?notice=sponsorship-proposed#sponsorships")).build();
        } catch (EventViews.InvalidForm invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            errors = refusal(problem, EventViews.SPONSOR_FIELDS, SPONSOR_RULE_FIELDS);
        }
        return Response.status(422).entity(page(id, Panels.none().sponsor(errors, form))).build();
    }

    @POST
    @Path("{id}/sponsorships/{sponsorshipId}/confirmation")
    @RolesAllowed(Viewer.TEAM)
    public Object confirm(@PathParam("id") UUID id, @PathParam("sponsorshipId") UUID sponsorshipId) {
        return sponsorshipChange(id, "sponsorship-confirmed", () -> events.confirm(id, sponsorshipId));
    }

    @POST
    @Path("{id}/sponsorships/{sponsorshipId}/cancel")
    @RolesAllowed(Viewer.TEAM)
    public Object cancelSponsorship(@PathParam("id") UUID id, @PathParam("sponsorshipId") UUID sponsorshipId) {
        return sponsorshipChange(id, "sponsorship-cancelled", () -> events.cancelSponsorship(id, sponsorshipId));
    }

    /** Confirming or cancelling a sponsorship: back to its list with a notice, or the refusal above the list. */
    private Object sponsorshipChange(UUID id, String notice, Runnable change) {
        try {
            change.run();
            return Response.seeOther(URI.create("/events/" + id + "?notice=" + notice + "#sponsorships")).build();
        } catch (ApiProblem problem) {
            return Response.status(422).entity(page(id, Panels.none().sponsor(refusal(problem, Set.of(), Map.of()),
                    EventViews.SponsorForm.blank()))).build();
        }
    }

    // ---- user groups ------------------------------------------------------------------------------------

    @GET
    @Path("user-groups")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance groups(@QueryParam("notice") String notice) {
        return Templates.groups(events.userGroups(), EventViews.GroupForm.blank(), FormErrors.NONE, notice(notice));
    }

    @POST
    @Path("user-groups")
    @RolesAllowed(Viewer.TEAM)
    public Object createGroup(@RestForm String name, @RestForm String city, @RestForm String country) {
        EventViews.GroupForm form = new EventViews.GroupForm(name, city, country, null);
        try {
            events.createUserGroup(form);
            return Response.seeOther(URI.create("/events/user-groups?notice=group-created")).build();
        } catch (ApiProblem problem) {
            return Response.status(422).entity(Templates.groups(events.userGroups(), form,
                    refusal(problem, EventViews.GROUP_FIELDS, Map.of()), null)).build();
        }
    }

    @GET
    @Path("user-groups/{groupId}/edit")
    @RolesAllowed(Viewer.TEAM)
    public TemplateInstance editGroup(@PathParam("groupId") UUID groupId) {
        return Templates.group(groupId, events.groupForm(groupId), FormErrors.NONE);
    }

    @POST
    @Path("user-groups/{groupId}")
    @RolesAllowed(Viewer.TEAM)
    public Object changeGroup(@PathParam("groupId") UUID groupId, @RestForm String name, @RestForm String city,
            @RestForm String country, @RestForm String etag) {
        EventViews.GroupForm form = new EventViews.GroupForm(name, city, country, etag);
        try {
            events.changeUserGroup(groupId, form);
            return Response.seeOther(URI.create("/events/user-groups?notice=group-saved")).build();
        } catch (ApiProblem problem) {
            boolean stale = problem.status() == 412;
            FormErrors errors = stale
                    ? FormErrors.field("name", "Someone changed the group while you were editing it; the form keeps your values. Save again to keep them.")
                    : refusal(problem, EventViews.GROUP_FIELDS, Map.of());
            EventViews.GroupForm again = stale ? new EventViews.GroupForm(name, city, country, events.groupForm(groupId).etag()) : form;
            return Response.status(422).entity(Templates.group(groupId, again, errors)).build();
        }
    }

    /** A refusal a form shows; a failure of the API itself or an ended session goes to the error pages. */
    static FormErrors refusal(ApiProblem problem, Set<String> fields, Map<String, String> fieldOfRule) {
        if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 404 || problem.status() == 429) {
            throw problem;
        }
        return EventViews.errors(problem, fields, fieldOfRule);
    }
}

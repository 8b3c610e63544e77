package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.MeetingViews;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A board's meetings: staff schedule one, record its attendance (present, absent, represented by the alternate),
 * put resolutions to the vote and close it; the community team reads them. Quorum, outcomes and voting
 * suspension are what advisory-service computes under the board's policy.
 */
@Path("/boards/{id}/meetings")
@Produces(MediaType.TEXT_HTML)
public class MeetingPages {

    @CheckedTemplate(basePath = "boards")
    static class Templates {
        static native TemplateInstance meetings(MeetingViews.MeetingsPage page, MeetingViews.ScheduleForm form, FormErrors errors,
                List<String> zones);

        static native TemplateInstance meeting(MeetingViews.MeetingPage page, String notice, FormErrors errors,
                MeetingViews.ResolutionForm resolution, String form, List<String> presences, List<String> votes);
    }

    private final MeetingViews meetings;

    MeetingPages(MeetingViews meetings) {
        this.meetings = meetings;
    }

    @GET
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance list(@PathParam("id") UUID id, @QueryParam("cursor") String cursor) {
        return Templates.meetings(meetings.meetings(id, cursor), MeetingViews.ScheduleForm.blank(), FormErrors.NONE,
                MeetingViews.TIME_ZONES);
    }

    @POST
    @RolesAllowed(Viewer.STAFF)
    public Object schedule(@PathParam("id") UUID id, @RestForm String title, @RestForm String startsAt, @RestForm String timeZone,
            @RestForm String durationMinutes, @RestForm String agenda, @RestForm String venue, @RestForm String onlineUrl) {
        MeetingViews.ScheduleForm form = new MeetingViews.ScheduleForm(title, startsAt, timeZone, durationMinutes, agenda, venue,
                onlineUrl);
        FormErrors errors;
        try {
            var meeting = meetings.schedule(id, form);
            return Response.seeOther(URI.create("/boards/" + id + "/meetings/" + meeting.id() + "?notice=scheduled")).build();
        } catch (Forms.InvalidField invalid) {
            errors = invalid.errors();
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            errors = FormErrors.of(problem, MeetingViews.SCHEDULE_FIELDS);
        }
        return Response.status(422).entity(Templates.meetings(meetings.meetings(id, null), form, errors, MeetingViews.TIME_ZONES)).build();
    }

    @GET
    @Path("{meetingId}")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance meeting(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId, @QueryParam("notice") String notice) {
        return page(id, meetingId, notice(notice), FormErrors.NONE, new MeetingViews.ResolutionForm("", List.of()), null);
    }

    private TemplateInstance page(UUID id, UUID meetingId, String notice, FormErrors errors, MeetingViews.ResolutionForm resolution,
            String form) {
        return Templates.meeting(meetings.meeting(id, meetingId), notice, errors, resolution, form, MeetingViews.PRESENCES,
                MeetingViews.VOTES);
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "scheduled" -> "The meeting is scheduled.";
            case "attendance" -> "The attendance is recorded; the quorum below is advisory-service's.";
            case "resolved" -> "The resolution is recorded with its votes; its outcome is below.";
            case "closed" -> "The meeting is closed: the board's attendance rule has been applied to every seat.";
            default -> null;
        };
    }

    /** One select per expected seat, all named {@code attendance}, each sending {@code seatId:PRESENCE}. */
    @POST
    @Path("{meetingId}/attendance")
    @RolesAllowed(Viewer.STAFF)
    public Object attendance(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId,
            @RestForm("attendance") List<String> attendance) {
        try {
            meetings.recordAttendance(id, meetingId, attendance);
            return Response.seeOther(URI.create("/boards/" + id + "/meetings/" + meetingId + "?notice=attendance#attendance")).build();
        } catch (Forms.InvalidField invalid) {
            return refused(id, meetingId, invalid.errors(), null, "attendance");
        } catch (ApiProblem problem) {
            return refused(id, meetingId, refusal(problem, Set.of("attendance")), null, "attendance");
        }
    }

    /** One select per voting member present, all named {@code votes}, each sending {@code seatId:VOTE} or nothing. */
    @POST
    @Path("{meetingId}/resolutions")
    @RolesAllowed(Viewer.STAFF)
    public Object resolve(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId, @RestForm String title,
            @RestForm("votes") List<String> votes) {
        MeetingViews.ResolutionForm form = new MeetingViews.ResolutionForm(title, votes);
        try {
            meetings.resolve(id, meetingId, form);
            return Response.seeOther(URI.create("/boards/" + id + "/meetings/" + meetingId + "?notice=resolved#resolutions")).build();
        } catch (Forms.InvalidField invalid) {
            return refused(id, meetingId, invalid.errors(), form, "resolution");
        } catch (ApiProblem problem) {
            return refused(id, meetingId, refusal(problem, MeetingViews.RESOLUTION_FIELDS), form, "resolution");
        }
    }

    @POST
    @Path("{meetingId}/close")
    @RolesAllowed(Viewer.STAFF)
    public Object close(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId, @RestForm String minutes) {
        try {
            meetings.close(id, meetingId, minutes);
            return Response.seeOther(URI.create("/boards/" + id + "/meetings/" + meetingId + "?notice=closed")).build();
        } catch (ApiProblem problem) {
            return refused(id, meetingId, refusal(problem, Set.of("minutes")), null, "close");
        }
    }

    /** A refusal a form can show (a state conflict such as meeting-not-started, a broken rule, a bad field); anything else is an error page. */
    private static FormErrors refusal(ApiProblem problem, Set<String> fields) {
        if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
            throw problem;
        }
        FormErrors errors = FormErrors.of(problem, fields);
        if (!problem.rules().isEmpty() && errors.general().isEmpty() && errors.fields().isEmpty()) {
            // a rule such as not-a-voter or not-expected: say it in the summary
            List<String> general = problem.rules().stream().map(r -> r.rule() + ": " + r.detail()).toList();
            return new FormErrors(errors.fields(), general, List.of(), errors.status());
        }
        return errors;
    }

    private Response refused(UUID id, UUID meetingId, FormErrors errors, MeetingViews.ResolutionForm resolution, String form) {
        return Response.status(422).entity(page(id, meetingId, null, errors,
                resolution == null ? new MeetingViews.ResolutionForm("", List.of()) : resolution, form)).build();
    }
}

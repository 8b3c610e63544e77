package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.CalendarApi;
import dev.trellis.console.service.CalendarViews;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;

/**
 * Calendar subscriptions: the public event feeds for everyone, and private board-meeting feeds for whoever may read
 * a board's meetings. A new private address is shown in the answer to the POST itself and never again (it is not
 * put in a redirect's URL, where history and logs would keep it).
 */
@Path("/calendars")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.TEAM, Viewer.STAFF, Viewer.PARTNER})
public class CalendarPages {

    @CheckedTemplate(basePath = "calendars")
    static class Templates {
        static native TemplateInstance calendars(CalendarViews.Calendars calendars, CalendarApi.Feed created, String createdWebcal,
                String notice, String problem);
    }

    private final CalendarViews calendars;

    CalendarPages(CalendarViews calendars) {
        this.calendars = calendars;
    }

    @GET
    public TemplateInstance calendars(@Context UriInfo uri, @QueryParam("notice") String notice) {
        return Templates.calendars(calendars.calendars(base(uri)), null, null,
                "revoked".equals(notice) ? "The private address is revoked: calendars subscribed to it get nothing more." : null,
                null);
    }

    @POST
    @Path("boards/{boardId}/feeds")
    public Object create(@Context UriInfo uri, @PathParam("boardId") UUID boardId) {
        CalendarApi.Feed feed;
        try {
            feed = calendars.create(boardId);
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return Response.status(problem.status()).entity(Templates.calendars(calendars.calendars(base(uri)), null, null, null,
                    problem.detail())).build();
        }
        return Templates.calendars(calendars.calendars(base(uri)), feed, CalendarViews.webcal(feed.feedUrl()), null, null);
    }

    @POST
    @Path("boards/{boardId}/feeds/{feedId}/revoke")
    public Object revoke(@Context UriInfo uri, @PathParam("boardId") UUID boardId, @PathParam("feedId") UUID feedId) {
        try {
            calendars.revoke(boardId, feedId);
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return Response.status(problem.status()).entity(Templates.calendars(calendars.calendars(base(uri)), null, null, null,
                    problem.detail())).build();
        }
        return Response.seeOther(URI.create("/calendars?notice=revoked")).build();
    }

    /** The address the browser used: behind the gateway (X-Forwarded-*), the gateway's, where /api is too. */
    private static URI base(UriInfo uri) {
        return uri.getBaseUri();
    }
}

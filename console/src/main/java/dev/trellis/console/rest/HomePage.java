package dev.trellis.console.rest;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.InsightsApi;
import dev.trellis.console.api.PartnersApi;
import dev.trellis.console.service.BoardViews;
import dev.trellis.console.service.PartnerViews;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The first screen after signing in: each role lands on its work. The community team on its open and
 * overdue next steps and the partners at risk with their reasons; foundation staff on renewals due and the
 * boards; a partner user on their own organisation.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance team(PartnerViews.Worklist work);

        static native TemplateInstance team$step(PartnersApi.NextStep step);

        static native TemplateInstance staff(List<InsightsApi.AtRisk> renewals, List<AdvisoryApi.Board> boards);

        static native TemplateInstance norole();
    }

    private final Viewer viewer;
    private final PartnerViews partners;
    private final BoardViews boards;

    HomePage(Viewer viewer, PartnerViews partners, BoardViews boards) {
        this.viewer = viewer;
        this.partners = partners;
        this.boards = boards;
    }

    @GET
    @Authenticated
    public Object home() {
        if (viewer.team()) {
            return Templates.team(partners.worklist());
        }
        if (viewer.staff()) {
            return Templates.staff(partners.renewalsDue(), boards.boards());
        }
        if (viewer.partner()) {
            return Response.seeOther(URI.create("/organisation")).build();
        }
        return Response.status(403).entity(Templates.norole()).build();
    }

    /** Marks a next step done (or open again). htmx swaps the one row; without JavaScript the page reloads. */
    @POST
    @Path("next-steps/{id}")
    @RolesAllowed(Viewer.TEAM)
    public Object markDone(@PathParam("id") UUID id, @FormParam("version") long version, @FormParam("done") boolean done,
            @HeaderParam("HX-Request") boolean htmx, @HeaderParam("HX-Boosted") boolean boosted) {
        try {
            PartnersApi.NextStep step = partners.markDone(id, version, done);
            return htmx && !boosted ? Templates.team$step(step) : Response.seeOther(URI.create("/")).build();
        } catch (ApiProblem p) {
            if (p.status() == 412) {
                // Someone changed it meanwhile: show the list as it is now.
                return Response.seeOther(URI.create("/?stale=1")).build();
            }
            throw p;
        }
    }
}

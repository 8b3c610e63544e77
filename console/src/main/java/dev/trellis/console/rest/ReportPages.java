package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.InsightsApi;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import dev.trellis.console.service.ReportViews;
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
 * The insight reports: the level playing field and the growth leads for the foundation's people, a partner's own
 * value report for partner users. Both are GET forms (a period), so a report can be bookmarked; neither changes anything.
 */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    @CheckedTemplate(basePath = "reports")
    static class Templates {
        static native TemplateInstance fairness(ReportViews.FairnessPage page, String months, FormErrors errors);

        static native TemplateInstance value(ReportViews.ValuePage page, ReportViews.ValueForm form, FormErrors errors);

        static native TemplateInstance growth(InsightsApi.GrowthLeads leads);
    }

    private final ReportViews reports;

    ReportPages(ReportViews reports) {
        this.reports = reports;
    }

    @GET
    @Path("level-playing-field")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public Object levelPlayingField(@QueryParam("months") String months) {
        try {
            return Templates.fairness(reports.levelPlayingField(months), months, FormErrors.NONE);
        } catch (Forms.InvalidField invalid) {
            return Response.status(400).entity(Templates.fairness(reports.levelPlayingField(null), months, invalid.errors())).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(Templates.fairness(reports.levelPlayingField(null), months,
                    FormErrors.of(problem, ReportViews.FAIRNESS_FIELDS))).build();
        }
    }

    @GET
    @Path("growth-leads")
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance growthLeads() {
        return Templates.growth(reports.growthLeads());
    }

    @GET
    @Path("value")
    @RolesAllowed(Viewer.PARTNER)
    public Object value(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportViews.ValueForm form = new ReportViews.ValueForm(from, to);
        try {
            ReportViews.ValuePage page = reports.ownValue(form);
            return Templates.value(page, page.form(), FormErrors.NONE);
        } catch (Forms.InvalidField invalid) {
            return Response.status(400).entity(Templates.value(null, form, invalid.errors())).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(Templates.value(null, form, FormErrors.of(problem, ReportViews.VALUE_FIELDS))).build();
        }
    }
}

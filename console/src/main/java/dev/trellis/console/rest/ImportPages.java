package dev.trellis.console.rest;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.ImportViews;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The CSV imports (docs/import.md, docs/console.md): the community team imports contacts and partners, foundation
 * staff memberships. One form per import with two buttons: check the file (a dry run: the report, nothing changed)
 * and import it; the answer is the report's counts and the lines worth a look, or, when the form asks for it
 * ({@code report=csv}), the whole report as a CSV file to download. A refusal of the whole file (no header row with
 * the required columns, not CSV, too large) is shown on the file field.
 */
@Path("/imports")
public class ImportPages {

    @CheckedTemplate(basePath = "imports")
    static class Templates {
        static native TemplateInstance imports(List<ImportViews.Kind> kinds, String chosen, ImportViews.Report report,
                FormErrors errors);
    }

    private final ImportViews imports;
    private final Viewer viewer;

    ImportPages(ImportViews imports, Viewer viewer) {
        this.imports = imports;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public TemplateInstance page() {
        return Templates.imports(imports.offered(viewer), null, null, FormErrors.NONE);
    }

    @POST
    @Path("{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.TEXT_HTML, "text/csv"})
    @RolesAllowed({Viewer.TEAM, Viewer.STAFF})
    public Response run(@PathParam("kind") String slug, @RestForm("file") FileUpload file,
            @RestForm("dryRun") String dryRun, @RestForm("report") String reportAs) {
        ImportViews.Kind kind = ImportViews.Kind.of(slug).orElseThrow(NotFoundException::new);
        List<ImportViews.Kind> offered = imports.offered(viewer);
        if (!offered.contains(kind)) {
            throw new ForbiddenException("not this role's import");
        }
        if (file == null || file.size() == 0) {
            return refused(400, offered, kind, FormErrors.field(kind.fileField(), "choose a CSV file"));
        }
        boolean dry = !"false".equals(dryRun);
        try {
            if ("csv".equals(reportAs)) {
                String report = imports.report(kind, dry, file.uploadedFile().toFile());
                return Attachments.of(report, "text/csv; charset=UTF-8", ImportViews.reportFileName(kind, dry)).build();
            }
            ImportViews.Report report = imports.run(kind, dry, file.uploadedFile().toFile(), file.fileName());
            return Response.ok(Templates.imports(offered, kind.slug(), report, FormErrors.NONE)).build();
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403
                    || problem.status() == 429) {
                throw problem;
            }
            String message = problem.status() == 413 ? "the file is larger than the import takes (64 MiB); split it"
                    : problem.status() == 415 ? "the file is not a CSV file" : problem.detail();
            return refused(422, offered, kind, FormErrors.field(kind.fileField(), message));
        }
    }

    private static Response refused(int status, List<ImportViews.Kind> offered, ImportViews.Kind kind,
            FormErrors errors) {
        return Response.status(status).entity(Templates.imports(offered, kind.slug(), null, errors)).build();
    }
}

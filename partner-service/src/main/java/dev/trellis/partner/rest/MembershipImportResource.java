package dev.trellis.partner.rest;

import dev.trellis.partner.rest.dto.MembershipImportRow;
import dev.trellis.partner.service.ImportResult;
import dev.trellis.partner.service.MembershipImportService;
import dev.trellis.platform.csv.CsvTable;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CSV import of memberships (docs/import.md), see {@link CsvImports}. */
@Path("/api/partners/memberships/imports")
@Tag(name = "Memberships")
public class MembershipImportResource {
    static final CsvTable<ImportResult> REPORT = CsvImports.report("membership-import");

    private final MembershipImportService imports;
    private final Callers callers;
    private final Validator validator;

    public MembershipImportResource(MembershipImportService imports, Callers callers, Validator validator) {
        this.imports = imports;
        this.callers = callers;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // checked in CsvImports, so that a wrong type is a problem+json 415 after the role check
    @Produces(CsvExports.MEDIA_TYPE)
    @RolesAllowed("foundation-staff")
    @Operation(summary = "Import memberships from CSV",
            description = "Upserts by partner and term start through the membership rules: a partner without a "
                    + "membership gets it, a later term replaces an expired one, the stored term is unchanged, an "
                    + "earlier one is history. Columns: partnerId, partnerExternalId or partnerDomain; tier, "
                    + "termStart, termEnd (required), autoRenew, graceDays. Answers the per-line report as CSV "
                    + "(line, key, outcome, reason). With dryRun=true nothing is written. docs/import.md")
    @APIResponse(responseCode = "200", description = "The per-line report")
    @APIResponse(responseCode = "400", description = "No header row with the required columns, or a bad dryRun")
    @APIResponse(responseCode = "415", description = "The body is not CSV")
    public Response importMemberships(
            @Parameter(description = "true: answer what would happen, change nothing (default false)")
            @QueryParam("dryRun") String dryRun,
            @Context HttpHeaders headers, InputStream body) {
        boolean dry = CsvImports.dryRun(dryRun);
        CsvImports.requireCsv(headers);
        CsvLines rows = new CsvLines(body, Set.copyOf(MembershipImportRow.COLUMNS), MembershipImportRow.REQUIRED,
                MembershipImportRow.ALIASES);
        rows.requireAny("partnerId", "partnerExternalId", "partnerDomain");
        var caller = callers.current();
        return CsvImports.answer(REPORT, CsvImports.lines(rows,
                row -> MembershipImportRow.of(row.cells()).toLine(row.number(), validator)), dry,
                (lines, dryRun1, results) -> imports.run(lines, dryRun1, caller, results));
    }
}

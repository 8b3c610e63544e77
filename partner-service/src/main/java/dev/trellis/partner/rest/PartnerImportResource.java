package dev.trellis.partner.rest;

import dev.trellis.partner.rest.dto.PartnerImportRow;
import dev.trellis.partner.service.ImportResult;
import dev.trellis.partner.service.PartnerImportService;
import dev.trellis.platform.csv.CsvTable;
import dev.trellis.platform.http.CsvExports;
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

/** CSV import of partners with their email domains and company group (docs/import.md), see {@link CsvImports}. */
@Path("/api/partners/imports")
@Tag(name = "Partners")
public class PartnerImportResource {
    static final CsvTable<ImportResult> REPORT = CsvImports.report("partner-import");

    private final PartnerImportService imports;
    private final Validator validator;

    public PartnerImportResource(PartnerImportService imports, Validator validator) {
        this.imports = imports;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // checked in CsvImports, so that a wrong type is a problem+json 415 after the role check
    @Produces(CsvExports.MEDIA_TYPE)
    @RolesAllowed("community-team")
    @Operation(summary = "Import partners with email domains and company group from CSV",
            description = "Upserts by externalId, else by the primary (first) email domain: each line is created, "
                    + "updated, unchanged or refused, with the reason; a field a person set is never overwritten and "
                    + "domains are only added. Columns: externalId, name, legalName, website, country, emailDomains, "
                    + "companyGroup (the parent's externalId or email domain), status (new partners). Answers the "
                    + "per-line report as CSV (line, key, outcome, reason). With dryRun=true nothing is written. "
                    + "docs/import.md")
    @APIResponse(responseCode = "200", description = "The per-line report")
    @APIResponse(responseCode = "400", description = "No header row with an externalId or emailDomains column, or a bad dryRun")
    @APIResponse(responseCode = "415", description = "The body is not CSV")
    public Response importPartners(
            @Parameter(description = "true: answer what would happen, change nothing (default false)")
            @QueryParam("dryRun") String dryRun,
            @Context HttpHeaders headers, InputStream body) {
        boolean dry = CsvImports.dryRun(dryRun);
        CsvImports.requireCsv(headers);
        CsvLines rows = new CsvLines(body, Set.copyOf(PartnerImportRow.COLUMNS), Set.of(), PartnerImportRow.ALIASES);
        rows.requireAny("externalId", "emailDomains");
        return CsvImports.answer(REPORT, CsvImports.lines(rows,
                row -> PartnerImportRow.of(row.cells()).toLine(row.number(), validator)), dry, imports::run);
    }
}

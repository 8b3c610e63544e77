package dev.trellis.partner.rest;

import dev.trellis.partner.rest.dto.ContactImportRow;
import dev.trellis.partner.service.ContactImportService;
import dev.trellis.partner.service.ImportResult;
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

/** CSV import of contacts with affiliations (docs/import.md), read as the file arrives ({@link CsvImports}). */
@Path("/api/contacts/imports")
@Tag(name = "Contacts", description = "People, their dated affiliations with partners, and their consent")
public class ContactImportResource {
    static final CsvTable<ImportResult> REPORT = CsvImports.report("contact-import");

    private final ContactImportService imports;
    private final Validator validator;

    public ContactImportResource(ContactImportService imports, Validator validator) {
        this.imports = imports;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // checked below, so that a wrong type is a problem+json 415 after the role check
    @Produces(CsvExports.MEDIA_TYPE)
    @RolesAllowed("community-team")
    @Operation(summary = "Import contacts with affiliations from CSV",
            description = "Upserts by email: each line is created, updated, unchanged or refused, with the reason; a "
                    + "detail a person set is never overwritten. Columns: " + "email (required), firstName, lastName, "
                    + "phone, jobTitle, partnerId, partnerDomain, role, startDate. Answers the per-line report as CSV "
                    + "(line, key, outcome, reason). With dryRun=true nothing is written. docs/import.md")
    @APIResponse(responseCode = "200", description = "The per-line report")
    @APIResponse(responseCode = "400", description = "No header row with an email column, or a bad dryRun")
    @APIResponse(responseCode = "415", description = "The body is not CSV")
    public Response importContacts(
            @Parameter(description = "true: answer what would happen, change nothing (default false)")
            @QueryParam("dryRun") String dryRun,
            @Context HttpHeaders headers, InputStream body) {
        boolean dry = CsvImports.dryRun(dryRun);
        CsvImports.requireCsv(headers);
        CsvLines rows = new CsvLines(body, Set.copyOf(ContactImportRow.COLUMNS), ContactImportRow.REQUIRED,
                ContactImportRow.ALIASES);
        return CsvImports.answer(REPORT, CsvImports.lines(rows,
                row -> ContactImportRow.of(row.cells()).toLine(row.number(), validator)), dry, imports::run);
    }
}

package dev.trellis.partner.rest;

import dev.trellis.partner.rest.dto.ContactImportRow;
import dev.trellis.partner.service.ContactImportService;
import dev.trellis.partner.service.ImportLine;
import dev.trellis.partner.service.ImportResult;
import dev.trellis.partner.service.command.ImportContact;
import dev.trellis.platform.csv.CsvTable;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.ProblemException;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CSV import of contacts with affiliations (docs/import.md). The file is read as it arrives; the per-line report
 * goes to a temporary file while the import runs, then is the answer, so memory stays flat both ways.
 */
@Path("/api/contacts/imports")
@Tag(name = "Contacts", description = "People, their dated affiliations with partners, and their consent")
public class ContactImportResource {
    /** text/csv, and what browsers and spreadsheets send for a .csv file. */
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/vnd.ms-excel");

    static final CsvTable<ImportResult> REPORT = CsvTable.<ImportResult>named("contact-import")
            .column("line", ImportResult::line)
            .column("key", ImportResult::key)
            .column("outcome", r -> r.outcome().name().toLowerCase(Locale.ROOT))
            .column("reason", ImportResult::reason);

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
        boolean dry = dryRun(dryRun);
        MediaType type = headers.getMediaType();
        if (type == null || !CSV_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT))) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the file as text/csv");
        }
        CsvLines rows = new CsvLines(body, Set.copyOf(ContactImportRow.COLUMNS), ContactImportRow.REQUIRED,
                ContactImportRow.ALIASES);
        java.nio.file.Path report = report(rows, dry);
        StreamingOutput answer = out -> {
            try {
                Files.copy(report, out);
            } finally {
                Files.deleteIfExists(report);
            }
        };
        return Response.ok(answer, CsvExports.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"contact-import" + (dry ? "-dry-run" : "")
                        + ".csv\"")
                .build();
    }

    private java.nio.file.Path report(CsvLines rows, boolean dry) {
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile("contact-import-", ".csv");
            try (OutputStream out = Files.newOutputStream(file); CsvTable.Writer<ImportResult> writer = REPORT.open(out)) {
                imports.run(lines(rows), dry, result -> {
                    try {
                        writer.row(result);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file: the system cleans it up
            }
        }
    }

    /** The file's non-empty rows as import lines. */
    private Iterator<ImportLine<ImportContact>> lines(CsvLines rows) {
        return new Iterator<>() {
            private CsvLines.Row next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    CsvLines.Row row = rows.next();
                    if (!row.empty()) {
                        next = row;
                    }
                }
                return next != null;
            }

            @Override
            public ImportLine<ImportContact> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvLines.Row row = next;
                next = null;
                if (row.broken() != null) {
                    return ImportLine.refused(row.number(), "", row.broken());
                }
                return ContactImportRow.of(row.cells()).toLine(row.number(), validator);
            }
        };
    }

    private static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InvalidInput.field("dryRun", "must be true or false");
    }
}

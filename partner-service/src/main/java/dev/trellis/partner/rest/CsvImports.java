package dev.trellis.partner.rest;

import dev.trellis.partner.service.ImportLine;
import dev.trellis.partner.service.ImportResult;
import dev.trellis.platform.csv.CsvTable;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.http.CsvExports;
import dev.trellis.platform.http.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every CSV import route shares (docs/import.md): the body's media type, the {@code dryRun} flag, the file's
 * rows as import lines, and the per-line report, written to a temporary file while the import runs and then
 * answered, so that memory stays flat both ways.
 */
final class CsvImports {
    /** text/csv, and what browsers and spreadsheets send for a .csv file. */
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/vnd.ms-excel");

    private CsvImports() {
    }

    /** The report's columns, under the import's name. */
    static CsvTable<ImportResult> report(String name) {
        return CsvTable.<ImportResult>named(name)
                .column("line", ImportResult::line)
                .column("key", ImportResult::key)
                .column("outcome", r -> r.outcome().name().toLowerCase(Locale.ROOT))
                .column("reason", ImportResult::reason);
    }

    /** 415 problem unless the body is CSV; checked in the method, so that the role check comes first. */
    static void requireCsv(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        if (type == null || !CSV_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT))) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the file as text/csv");
        }
    }

    static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InvalidInput.field("dryRun", "must be true or false");
    }

    /** The file's non-empty rows as import lines: a broken row is refused, the others read by {@code toLine}. */
    static <C> Iterator<ImportLine<C>> lines(CsvLines rows, Function<CsvLines.Row, ImportLine<C>> toLine) {
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
            public ImportLine<C> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvLines.Row row = next;
                next = null;
                if (row.broken() != null) {
                    return ImportLine.refused(row.number(), "", row.broken());
                }
                return toLine.apply(row);
            }
        };
    }

    /**
     * Runs the import ({@code run} takes the lines, the dry-run flag and where each result goes) and answers its
     * report as a CSV attachment named after the table.
     */
    static <C> Response answer(CsvTable<ImportResult> table, Iterator<ImportLine<C>> lines, boolean dry,
            Runner<C> run) {
        Path report = report(table, lines, dry, run);
        StreamingOutput answer = out -> {
            try {
                Files.copy(report, out);
            } finally {
                Files.deleteIfExists(report);
            }
        };
        return Response.ok(answer, CsvExports.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + table.fileName() + (dry ? "-dry-run" : "")
                        + ".csv\"")
                .build();
    }

    /** An import service's run method. */
    interface Runner<C> {
        void run(Iterator<ImportLine<C>> lines, boolean dryRun, Consumer<ImportResult> results);
    }

    private static <C> Path report(CsvTable<ImportResult> table, Iterator<ImportLine<C>> lines, boolean dry,
            Runner<C> run) {
        Path file = null;
        try {
            file = Files.createTempFile(table.fileName() + "-", ".csv");
            try (OutputStream out = Files.newOutputStream(file); CsvTable.Writer<ImportResult> writer = table.open(out)) {
                run.run(lines, dry, result -> {
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

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file: the system cleans it up
            }
        }
    }
}

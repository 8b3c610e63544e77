package dev.trellis.platform.http;

import dev.trellis.platform.csv.CsvTable;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A list route that answers JSON or CSV by content negotiation, from one fetch of the list, so both show the same
 * rows to the same caller. The route produces both ({@code @Produces({APPLICATION_JSON, CsvExports.MEDIA_TYPE})})
 * and hands its fetch to {@link #list}: JSON is the page {@link PageResponses} makes; CSV is
 * <ul>
 * <li>with {@code limit} or {@code cursor}: that one page, with the same {@code Link: rel="next"};</li>
 * <li>without either: the whole filtered list, streamed page after page of {@value PageRequest#MAX_LIMIT} rows (one
 * page in memory at a time, each read in its own transaction), up to {@code trellis.csv.max-rows} rows. A list
 * longer than that is cut off mid-transfer, so a client sees a failed download, never a short file that looks
 * complete.</li>
 * </ul>
 * A refusal (400, 403, 404) comes from the first page, read before anything is sent, so it is problem+json as for
 * JSON. The download is named {@code <list>-<today>.csv}; {@link NoStore} keeps it out of caches.
 */
@ApplicationScoped
public class CsvExports {
    public static final String MEDIA_TYPE = "text/csv";
    /** What a list route's OpenAPI description says about its CSV answer. */
    public static final String DESCRIPTION = "With Accept: text/csv, the same list as CSV (header row, RFC 4180, UTF-8, "
            + "formula cells prefixed with '): without limit and cursor the whole filtered list, streamed; with either, "
            + "that page and its Link: next.";
    static final MediaType CSV = new MediaType("text", "csv");
    /** RFC 4180's media type with its optional {@code header} parameter: the first row names the columns. */
    static final String CONTENT_TYPE = "text/csv; charset=UTF-8; header=present";
    private static final Logger LOG = Logger.getLogger(CsvExports.class);

    private final Clock clock;
    private final long maxRows;

    public CsvExports(Clock clock, @ConfigProperty(name = "trellis.csv.max-rows", defaultValue = "100000") long maxRows) {
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /**
     * True when the Accept header prefers CSV: its first acceptable type (by quality, then specificity) that JSON or
     * CSV satisfies is CSV-only. No Accept, a wildcard or a tie is JSON.
     */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            boolean json = accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE);
            boolean csv = accepted.isCompatible(CSV);
            if (json || csv) {
                return csv && !json;
            }
        }
        return false;
    }

    /**
     * The list's answer in the media type asked for.
     *
     * @param fetch one page of the list for the caller, exactly as the JSON route reads it
     */
    public <T> Response list(HttpHeaders headers, UriInfo uri, Integer limit, String cursor, CsvTable<T> table,
            Function<PageRequest, Page<T>> fetch) {
        if (!wanted(headers)) {
            return PageResponses.builder(fetch.apply(PageRequest.of(limit, cursor)), uri)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        if (limit != null || (cursor != null && !cursor.isBlank())) {
            Page<T> page = fetch.apply(PageRequest.of(limit, cursor));
            return PageResponses.next(csv(table, out -> {
                try (CsvTable.Writer<T> writer = table.open(out)) {
                    for (T item : page.items()) {
                        writer.row(item);
                    }
                }
            }), page, uri).build();
        }
        Page<T> first = fetch.apply(PageRequest.of(PageRequest.MAX_LIMIT, null));
        return csv(table, out -> {
            try (CsvTable.Writer<T> writer = table.open(out)) {
                long rows = 0;
                Page<T> page = first;
                while (true) {
                    for (T item : page.items()) {
                        if (rows == maxRows) {
                            LOG.warnf("CSV export %s cut off at %d rows (trellis.csv.max-rows)", table.fileName(), maxRows);
                            throw new IOException("more than " + maxRows + " rows: use filters, or limit and cursor");
                        }
                        writer.row(item);
                        rows++;
                    }
                    if (page.next() == null) {
                        return;
                    }
                    writer.flush();
                    page = fetch.apply(PageRequest.of(PageRequest.MAX_LIMIT, page.next()));
                }
            }
        }).build();
    }

    private Response.ResponseBuilder csv(CsvTable<?> table, StreamingOutput body) {
        String file = table.fileName() + "-" + LocalDate.now(clock) + ".csv";
        return Response.ok(body).type(CONTENT_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }
}
